"""Admin pages beyond the snippet views: send (validation, test send, start, pause, resume,
cancel, progress bar, report), CSV import/export, DSGVO export and erasure."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.models import Site

from home.permissions import editable_site_ids

from . import csv_io, sending
from .models import NewsletterIssue, Subscriber
from .permissions import issue_policy, subscriber_policy
from .rendering import RenderError, personalise_preview, render_issue, validate_issue


def _issue_for(request, issue_id, action="change"):
    issue = get_object_or_404(NewsletterIssue.objects.select_related("site"), pk=issue_id)
    if not issue_policy().user_has_permission_for_instance(request.user, action, issue):
        raise PermissionDenied
    return issue


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Send a test to"), help_text=gettext_lazy("One or more addresses, separated by commas.")
    )
    edition = forms.ChoiceField(
        label=gettext_lazy("Edition"),
        choices=[("standard", gettext_lazy("standard")), ("leichte_sprache", "Leichte Sprache")],
    )

    def clean_addresses(self):
        addresses = [a.strip() for a in self.cleaned_data["addresses"].replace(";", ",").split(",") if a.strip()]
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError as exc:
                raise ValidationError(_("'%(address)s' is not a valid email address.") % {"address": address}) from exc
        if len(addresses) > 10:
            raise ValidationError(_("At most 10 test addresses."))
        return addresses


def send_view(request, issue_id):
    issue = _issue_for(request, issue_id)
    render_error = None
    try:
        validate_issue(issue)
    except RenderError as exc:
        render_error = str(exc)
    test_form = TestSendForm(request.POST if request.POST.get("action") == "test" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test" and test_form.is_valid():
            if render_error:
                messages.error(request, render_error)
            else:
                try:
                    sent = sending.test_send(
                        issue, test_form.cleaned_data["addresses"], edition=test_form.cleaned_data["edition"]
                    )
                except (OSError, Exception) as exc:
                    messages.error(request, _("The test mail could not be sent: %(error)s") % {"error": exc})
                else:
                    messages.success(request, _("Test mail sent to %(addresses)s.") % {"addresses": ", ".join(sent)})
                    return redirect("newsletter_send", issue.pk)
        elif action == "start":
            try:
                count = sending.start_send(issue.pk)
            except sending.SendError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Sending started to %(count)s subscribers.") % {"count": count})
                return redirect("newsletter_send", issue.pk)
        elif action in ("pause", "resume", "cancel"):
            getattr(sending, action)(issue.pk)
            return redirect("newsletter_send", issue.pk)
        issue.refresh_from_db()
    active = Subscriber.objects.filter(site=issue.site, status=Subscriber.Status.ACTIVE).count()
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "render_error": render_error,
            "test_form": test_form,
            "active_subscribers": active,
            "progress": sending.progress(issue),
            "header_title": issue.subject,
        },
    )


@xframe_options_sameorigin
def preview_view(request, issue_id):
    """The mail's HTML with sample personal values (shown in iframes of two widths)."""
    issue = _issue_for(request, issue_id)
    edition = "leichte_sprache" if request.GET.get("edition") == "leichte_sprache" else "standard"
    try:
        rendered = render_issue(issue, edition=edition)
    except RenderError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(personalise_preview(rendered.html))


def progress_view(request, issue_id):
    issue = _issue_for(request, issue_id)
    return JsonResponse(sending.progress(issue))


class ImportForm(forms.Form):
    site = forms.ModelChoiceField(label=gettext_lazy("Network"), queryset=Site.objects.none())
    file = forms.FileField(label=gettext_lazy("CSV file"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.filter(pk__in=editable_site_ids(user))


def _check_subscriber_perm(request, action):
    if not subscriber_policy().user_has_permission(request.user, action):
        raise PermissionDenied


def import_view(request):
    _check_subscriber_perm(request, "add")
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors = []
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        try:
            created, skipped = csv_io.import_subscribers(form.cleaned_data["site"], text)
        except csv_io.ImportError_ as exc:
            errors = exc.errors
            messages.error(request, _("Nothing was imported: please correct these lines and upload the file again."))
        else:
            messages.success(
                request,
                _("%(created)s subscribers imported, %(skipped)s already subscribed.")
                % {"created": created, "skipped": skipped},
            )
            return redirect("newsletter_import")
    return TemplateResponse(
        request,
        "newsletter/admin/import.html",
        {"form": form, "errors": errors, "header_title": _("Import subscribers")},
    )


def export_view(request, site_id):
    _check_subscriber_perm(request, "view")
    if site_id not in editable_site_ids(request.user):
        raise PermissionDenied
    site = get_object_or_404(Site, pk=site_id)
    response = HttpResponse(csv_io.export_subscribers_csv(site), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{site.hostname}.csv"'
    return response


def _subscriber_for(request, subscriber_id, action):
    subscriber = get_object_or_404(Subscriber.objects.select_related("site"), pk=subscriber_id)
    if not subscriber_policy().user_has_permission_for_instance(request.user, action, subscriber):
        raise PermissionDenied
    return subscriber


def subscriber_export_view(request, subscriber_id):
    subscriber = _subscriber_for(request, subscriber_id, "view")
    response = HttpResponse(csv_io.subscriber_json(subscriber), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
    return response


def subscriber_erase_view(request, subscriber_id):
    subscriber = _subscriber_for(request, subscriber_id, "delete")
    if request.method == "POST":
        csv_io.erase_subscriber(subscriber)
        messages.success(request, _("All personal data of this subscriber has been erased."))
        return redirect("wagtailsnippets_newsletter_subscriber:list")
    return TemplateResponse(
        request, "newsletter/admin/erase.html", {"subscriber": subscriber, "header_title": _("Erase subscriber")}
    )
