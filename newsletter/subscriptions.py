"""Subscribing with double opt-in, confirming, preferences and unsubscribing: the rules in
one place, shared by the public form, the JSON API and the tests."""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.formprotection import address_rate_limited

from .models import Edition, NewsletterSettings, Subscriber, normalise_email
from .tokens import confirm_token, subscriber_id_for_confirm_token, subscriber_id_for_manage_token

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Too many sign-ups from one client."""


class InvalidLink(Exception):
    """A confirmation or management link that is forged, broken or expired."""


def subscribe(
    site, email, *, name="", language="de", edition=Edition.STANDARD, topics=(), source="form", client_ip=None
):
    """Start a double opt-in. Returns nothing an attacker could use: the caller answers the
    same whether the address was new, pending or already active.

    Raises ValidationError for a malformed address, RateLimited when this client asked too
    often (NEWSLETTER_SUBSCRIBE_RATE_LIMIT). Per address at most NEWSLETTER_CONFIRM_MAIL_LIMIT
    confirmation mails are sent (beyond that, silently none: the form cannot bomb a mailbox).
    """
    email = normalise_email(email)
    validate_email(email)
    if client_ip and address_rate_limited("newsletter-subscribe", client_ip, settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT):
        raise RateLimited(_("Too many sign-ups from your connection. Please try again in an hour."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if edition not in Edition.values:
        edition = Edition.STANDARD
    site_settings = NewsletterSettings.for_site(site)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            site=site, email=email, defaults={"name": name[:150], "language": language, "edition": edition}
        )
        if subscriber.status in (Subscriber.Status.ACTIVE, Subscriber.Status.BOUNCED):
            # Active: nothing to do (and an unauthenticated form must not change their choices).
            return None
        subscriber.status = Subscriber.Status.PENDING
        subscriber.name, subscriber.language, subscriber.edition = name[:150], language, edition
        subscriber.consent_source = source
        subscriber.consent_text_version = site_settings.consent_text_version
        subscriber.consent_ip = client_ip if site_settings.store_consent_ip else None
        subscriber.save()
        valid_topics = [t for t in topics if t.get_site().pk == site.pk] if topics else []
        subscriber.topics.set(valid_topics)
    if not address_rate_limited(f"newsletter-confirm:{site.pk}", email, settings.NEWSLETTER_CONFIRM_MAIL_LIMIT):
        enqueue_confirmation(subscriber)
    return subscriber


def enqueue_confirmation(subscriber):
    """Hand the confirmation mail to a Celery worker, which retries while the mail server is
    down. The sign-up's answer never depends on it: a broker that is down (or, in eager mode, a
    mail server that stays down through every retry) is logged, not shown."""
    from .tasks import send_confirmation_task

    try:
        send_confirmation_task.delay(subscriber.pk)
    except Exception:
        logger.warning("confirmation mail not queued", extra={"subscriber_id": subscriber.pk}, exc_info=True)


def send_confirmation(subscriber, site_settings=None):
    site = subscriber.site
    site_settings = site_settings or NewsletterSettings.for_site(site)
    with translation.override(subscriber.language):  # /ar/newsletter/… for who reads Arabic
        link = site.root_url + reverse("newsletter:confirm", args=[confirm_token(subscriber)])
    context = {
        "site_name": site.site_name,
        "link": link,
        "consent_text": site_settings.consent_text,
        "days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400,
    }
    with translation.override(subscriber.language):
        subject = _("Please confirm your newsletter subscription")
        text = render_to_string("newsletter/email/confirm.txt", context)
    message = EmailMultiAlternatives(
        subject=f"{subject} – {site.site_name}",
        body=text,
        from_email=site_settings.from_header(),
        to=[subscriber.email],
        reply_to=[site_settings.reply_to] if site_settings.reply_to else None,
    )
    message.send()


def confirm(token, site=None):
    """Activate the subscription named by a confirmation token. Idempotent."""
    try:
        pk, address_check = subscriber_id_for_confirm_token(token)
    except signing.SignatureExpired as exc:
        raise InvalidLink(_("This confirmation link has expired. Please sign up again.")) from exc
    except signing.BadSignature as exc:
        raise InvalidLink(_("This confirmation link is not valid.")) from exc
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if (
        subscriber is None
        or not address_check(subscriber.email)
        or (site is not None and subscriber.site_id != site.pk)
    ):
        raise InvalidLink(_("This confirmation link is not valid."))
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.consent_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "consent_at", "unsubscribed_at", "updated_at"])
    return subscriber


def subscriber_for_manage_token(token, site=None):
    try:
        pk = subscriber_id_for_manage_token(token)
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidLink(_("This link is not valid.")) from exc
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or (site is not None and subscriber.site_id != site.pk):
        raise InvalidLink(_("This link is not valid."))
    return subscriber


def unsubscribe(subscriber):
    if subscriber.status in (Subscriber.Status.ACTIVE, Subscriber.Status.PENDING):
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
    return subscriber
