"""Recovery codes: ten one-time codes for the day the phone or the security key is gone."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

RECOVERY_CODES = 10


@transaction.atomic
def issue_recovery_codes(user):
    """A new set of codes; the old set stops working. Returns the codes to show once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"))
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def has_recovery_codes(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).exists()


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def drop_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
