"""The editor's security page (Wagtail admin → Konto → Anmeldesicherheit): their passkeys and
security keys (add, rename, remove), their authenticator app and their recovery codes.

Every view acts on the editor's own factors only; another account's passkey answers 404. An
editor who must use a second factor cannot remove the last one, and removing the factor this
session was verified with keeps the session verified by one that remains."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from .forms import PasskeyNameForm
from .passkeys import passkeys_of, relying_party_id, scope_of
from .policy import must_use_second_factor, second_factors
from .recovery import RECOVERY_CODES, drop_recovery_codes, issue_recovery_codes, remaining_recovery_codes
from .views import _with_next, passkey_context, strict_csp


def _security_url():
    return reverse("loginsecurity_security")


def _own_passkey(request, pk):
    return get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)


@strict_csp
@never_cache
@require_http_methods(["GET"])
def security(request):
    user = request.user
    here = relying_party_id(request)
    passkeys = [
        {"key": key, "scope": scope_of(key), "usable_here": scope_of(key) in ("", here)} for key in passkeys_of(user)
    ]
    context = {
        "passkeys": passkeys,
        "here": here,
        "app": TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        "app_setup_url": _with_next("loginsecurity:setup", _security_url()),
        "has_factor": bool(second_factors(user)),
        "required": must_use_second_factor(user),
        "recovery_remaining": remaining_recovery_codes(user),
        "recovery_total": RECOVERY_CODES,
        **passkey_context(request, _security_url()),
    }
    return TemplateResponse(request, "loginsecurity/security.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def passkey_rename(request, pk):
    key = _own_passkey(request, pk)
    form = PasskeyNameForm(request.POST or None, initial={"name": key.name})
    if request.method == "POST" and form.is_valid():
        key.name = form.cleaned_data["name"]
        key.save(update_fields=["name"])
        messages.success(request, _("The passkey is now called “%(name)s”.") % {"name": key.name})
        return redirect(_security_url())
    return TemplateResponse(
        request,
        "loginsecurity/passkey_rename.html",
        {"key": key, "form": form},
        status=400 if form.is_bound else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def passkey_remove(request, pk):
    key = _own_passkey(request, pk)
    return _confirm_removal(request, key, _("Remove the passkey “%(name)s”?") % {"name": key.name})


@never_cache
@require_http_methods(["GET", "POST"])
def app_remove(request):
    app = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if app is None:
        return redirect(_security_url())
    return _confirm_removal(request, app, _("Remove the authenticator app?"))


def _confirm_removal(request, device, question):
    refusal = _removal_refused(request.user, device)
    if request.method == "POST":
        if refusal:
            messages.error(request, refusal)
        else:
            _remove(request, device)
            messages.success(request, _("Removed. It no longer opens your account."))
        return redirect(_security_url())
    return TemplateResponse(
        request,
        "loginsecurity/remove_factor.html",
        {"question": question, "refusal": refusal, "device": device},
    )


def _removal_refused(user, device):
    remaining = [other for other in second_factors(user) if other.persistent_id != device.persistent_id]
    if not remaining and must_use_second_factor(user):
        return _(
            "Your account must be protected by a second factor. Add another passkey or an authenticator app "
            "first, then remove this one."
        )
    return ""


@transaction.atomic
def _remove(request, device):
    """Delete the factor; without any left, the recovery codes go too (they would be the only
    way in). If this session was verified with it, another remaining factor vouches for it."""
    user = request.user
    removed_id = device.persistent_id
    device.delete()
    remaining = second_factors(user)
    if not remaining:
        drop_recovery_codes(user)
        return
    current = getattr(user, "otp_device", None)
    if current is not None and current.persistent_id == removed_id:
        otp_login(request, remaining[0])


@never_cache
@require_POST
def recovery_codes_renew(request):
    """A new set of ten codes (the old set stops working), shown once."""
    if not second_factors(request.user):
        messages.error(request, _("Set up a passkey or an authenticator app first."))
        return redirect(_security_url())
    return TemplateResponse(
        request,
        "loginsecurity/recovery_codes_renewed.html",
        {"codes": issue_recovery_codes(request.user), "next": _security_url()},
    )
