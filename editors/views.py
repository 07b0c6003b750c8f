"""Admin views of an editor's own API tokens. Every editor may create, see and revoke only
their own tokens; a token acts as its owner, so it reaches only the owner's networks."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Site

from home.permissions import editable_site_ids

from .tokens import create_token, own_tokens, revoke_own_token


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=255,
        help_text=gettext_lazy("Who uses this token, e.g. “Stadtportal Altona”."),
    )
    read_only = forms.BooleanField(
        label=gettext_lazy("Read only"),
        required=False,
        initial=True,
        help_text=gettext_lazy("A read-only token can read drafts and snippets but change nothing."),
    )
    expires_at = forms.DateField(
        label=gettext_lazy("Valid until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("After this day the token stops working. Empty: until you revoke it."),
    )

    def clean_expires_at(self):
        day = self.cleaned_data.get("expires_at")
        if day is not None and day <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day in the future."))
        return day


def _require_editor(request):
    if not editable_site_ids(request.user):
        raise PermissionDenied


def token_index(request):
    _require_editor(request)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["expires_at"]
        expires_at = None
        if day is not None:
            expires_at = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.max.time()))
        token, plaintext = create_token(
            request.user, form.cleaned_data["name"], read_only=form.cleaned_data["read_only"], expires_at=expires_at
        )
        created = {"token": token, "plaintext": plaintext}
        form = TokenForm()
    networks = Site.objects.filter(pk__in=editable_site_ids(request.user)).order_by("site_name")
    return TemplateResponse(
        request,
        "editors/tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": own_tokens(request.user),
            "networks": networks,
            "now": timezone.now(),
        },
    )


@require_POST
def token_revoke(request, token_id):
    _require_editor(request)
    if not revoke_own_token(request.user, token_id):
        raise Http404
    messages.success(request, _("The token was revoked. Programs that use it can no longer reach the API."))
    return redirect("editors_tokens")
