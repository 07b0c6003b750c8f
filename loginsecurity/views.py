"""Enrolment (authenticator app + recovery codes) and the second step of logging in."""

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm
from .policy import has_device

RECOVERY_CODES = 10


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


@never_cache
@login_required(login_url="wagtailadmin_login")
def start(request):
    """Where the middleware and the account menu send an editor: verify, or enrol first."""
    target = "loginsecurity:verify" if has_device(request.user) else "loginsecurity:setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': _next_url(request)})}")


@never_cache
@login_required(login_url="wagtailadmin_login")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Enrol an authenticator app: scan the QR code (or type the key), confirm with a code,
    then see ten recovery codes once."""
    user = request.user
    if has_device(user):
        return redirect(f"{reverse('loginsecurity:verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            recovery = StaticDevice.objects.create(user=user, name=_("Recovery codes"))
            codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
            recovery.token_set.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
            otp_login(request, device)
            return render(
                request,
                "loginsecurity/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("This code was not accepted. Check the time on your phone and try again."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "loginsecurity/setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next_url(request),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of logging in: a code from the app or a recovery code (used once)."""
    if not has_device(request.user):
        return redirect(f"{reverse('loginsecurity:setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code was not accepted."))
    return render(
        request,
        "loginsecurity/verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.is_bound else 200,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer after too many failed logins (AXES_LOCKOUT_CALLABLE)."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "loginsecurity/lockout.html", {"minutes": minutes}, status=429)
