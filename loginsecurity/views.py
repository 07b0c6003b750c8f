"""Enrolment (passkey or authenticator app, then recovery codes) and the second step of logging in."""

import base64
from functools import wraps
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.templatetags.otp_webauthn import get_configuration

from .ceremonies import NEW_RECOVERY_CODES_DUE
from .forms import TokenForm
from .passkeys import passkeys_of, passkeys_usable_here, relying_party_id, scope_of, unavailable_reason
from .policy import has_device
from .recovery import has_recovery_codes, issue_recovery_codes

# The login's second step and enrolment hold no inline script (the passkey scripts and their
# configuration come from our own host, the configuration as JSON data), so they are served under a
# policy that forbids inline and evaluated scripts, stricter than the rest of Wagtail's admin.
STRICT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def strict_csp(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = STRICT_POLICY
        return response

    return wrapper


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _with_next(name, next_url):
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def passkey_context(request, done_url):
    """What a page offering passkeys needs: the browser script's configuration (or why this
    address cannot use passkeys), and where to go after a new passkey was saved."""
    reason = unavailable_reason(request)
    return {
        "passkey_unavailable": reason,
        "passkey_config": None if reason else get_configuration(request),
        "passkey_done_url": done_url,
        "passkey_recovery_url": _with_next("loginsecurity:new_recovery_codes", done_url),
    }


@never_cache
@login_required(login_url="wagtailadmin_login")
def start(request):
    """Where the middleware and the account menu send an editor: verify, or enrol first."""
    target = "loginsecurity:verify" if has_device(request.user) else "loginsecurity:setup"
    return redirect(_with_next(target, _next_url(request)))


@strict_csp
@never_cache
@login_required(login_url="wagtailadmin_login")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Enrol a second factor: a passkey or security key, or an authenticator app (scan the QR
    code or type the key, confirm with a code); the first factor brings ten recovery codes.

    An editor who already has a factor comes here from the security page to add the app; until
    they have verified this session they are sent to verification instead."""
    user = request.user
    first_factor = not has_device(user)
    if not first_factor and not user.is_verified():
        return redirect(_with_next("loginsecurity:verify", _next_url(request)))
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            if not user.is_verified():
                otp_login(request, device)
            if has_recovery_codes(user):
                messages.success(request, _("The authenticator app is set up."))
                return redirect(_next_url(request))
            return render(
                request,
                "loginsecurity/recovery_codes.html",
                {"codes": issue_recovery_codes(user), "next": _next_url(request)},
            )
        form.add_error("token", _("This code was not accepted. Check the time on your phone and try again."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _next_url(request),
        "first_factor": first_factor,
    }
    if first_factor:
        context.update(passkey_context(request, _next_url(request)))
    return render(request, "loginsecurity/setup.html", context, status=400 if form.is_bound else 200)


@strict_csp
@never_cache
@login_required(login_url="wagtailadmin_login")
@require_GET
def new_recovery_codes(request):
    """Right after a first passkey: its recovery codes, shown once. Reached only by the browser
    script after the passkey was saved (the session remembers that codes are due)."""
    due = request.session.pop(NEW_RECOVERY_CODES_DUE, False)
    if not (due and request.user.is_verified()) or has_recovery_codes(request.user):
        return redirect(_next_url(request))
    return render(
        request,
        "loginsecurity/recovery_codes.html",
        {"codes": issue_recovery_codes(request.user), "next": _next_url(request)},
    )


@strict_csp
@never_cache
@login_required(login_url="wagtailadmin_login")
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of logging in: a passkey or security key, a code from the app, or a
    recovery code (used once)."""
    user = request.user
    if not has_device(user):
        return redirect(_with_next("loginsecurity:setup", _next_url(request)))
    has_app = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    has_codes = has_app or has_recovery_codes(user)
    form = TokenForm(request.POST or None, has_app=has_app)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code was not accepted."))
    passkeys_here = passkeys_usable_here(user, request).exists()
    here = relying_party_id(request)
    context = {
        "form": form,
        "next": _next_url(request),
        "has_app": has_app,
        "has_codes": has_codes,
        "passkeys_here": passkeys_here,
        "passkey_hosts": sorted({scope_of(key) for key in passkeys_of(user)} - {"", here}),
    }
    if passkeys_here:
        context.update(passkey_context(request, _next_url(request)))
    return render(request, "loginsecurity/verify.html", context, status=400 if form.is_bound else 200)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer after too many failed logins (AXES_LOCKOUT_CALLABLE)."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "loginsecurity/lockout.html", {"minutes": minutes}, status=429)
