"""Signed tokens in links: unsubscribe and preference links never carry a bare id."""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "newsletter.confirm"
MANAGE_SALT = "newsletter.manage"

_manage_signer = None


def address_digest(email):
    """A keyed hash of the address: binds a link to the address without showing it."""
    return salted_hmac(CONFIRM_SALT, email.lower()).hexdigest()[:20]


def confirm_token(subscriber):
    """Expires after NEWSLETTER_CONFIRM_MAX_AGE; bound to the address it was sent to, which
    the link does not contain (links end up in access logs and Referer headers)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscriber.pk}:h{address_digest(subscriber.email)}")


def subscriber_id_for_confirm_token(token):
    """(subscriber id, check of the address). Raises signing.SignatureExpired / BadSignature.

    Links sent before the address was hashed carry ``id:address``; they keep working until
    they expire."""
    value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    pk, _, bound = value.partition(":")
    if not pk.isdigit():
        raise signing.BadSignature("no subscriber id")
    if bound.startswith("h") and "@" not in bound:
        return int(pk), lambda email: constant_time_compare(address_digest(email), bound[1:])
    return int(pk), lambda email: constant_time_compare(email, bound)


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
