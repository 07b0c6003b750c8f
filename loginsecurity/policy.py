"""Who must show a second factor before the admin opens, and with what."""

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

PERMISSION = "loginsecurity.require_two_factor"


def has_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def must_use_second_factor(user):
    """Superusers and members of groups with the permission, when TWO_FACTOR_REQUIRED is on."""
    return bool(settings.TWO_FACTOR_REQUIRED and user.has_perm(PERMISSION))


def two_factor_required(user):
    """Those who must, and whoever has enrolled a device, required or not: a second factor that
    can be skipped protects nothing."""
    if not (user.is_authenticated and user.is_active):
        return False
    if has_device(user):
        return True
    return must_use_second_factor(user)


def second_factors(user):
    """The factors an editor logs in with day to day (recovery codes are only the spare)."""
    return [
        *WebAuthnCredential.objects.filter(user=user, confirmed=True),
        *TOTPDevice.objects.filter(user=user, confirmed=True),
    ]
