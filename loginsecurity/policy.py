"""Who must show a second factor before the admin opens."""

from django.conf import settings
from django_otp import devices_for_user

PERMISSION = "loginsecurity.require_two_factor"


def has_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def two_factor_required(user):
    """Superusers and members of groups with the permission, when TWO_FACTOR_REQUIRED is on.
    Whoever has enrolled a device must use it, required or not: a second factor that can be
    skipped protects nothing."""
    if not (user.is_authenticated and user.is_active):
        return False
    if has_device(user):
        return True
    return settings.TWO_FACTOR_REQUIRED and user.has_perm(PERMISSION)
