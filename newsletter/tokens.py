"""Signed tokens in links: unsubscribe and preference links never carry a bare id."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
MANAGE_SALT = "newsletter.manage"

_manage_signer = None


def confirm_token(subscriber):
    """Expires after NEWSLETTER_CONFIRM_MAX_AGE; bound to the address it was sent to."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscriber.pk}:{subscriber.email}")


def subscriber_id_for_confirm_token(token):
    """Raises signing.SignatureExpired / BadSignature."""
    value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    pk, _, email = value.partition(":")
    return int(pk), email


def manage_token(subscriber_id):
    """For the preference, unsubscribe and one-click links in every mail (no expiry: an
    unsubscribe link from a two-year-old mail must still work). Cheap: one HMAC."""
    global _manage_signer
    if _manage_signer is None:
        _manage_signer = signing.Signer(salt=MANAGE_SALT)
    return _manage_signer.sign(str(subscriber_id))


def subscriber_id_for_manage_token(token):
    """Raises signing.BadSignature."""
    return int(signing.Signer(salt=MANAGE_SALT).unsign(token))
