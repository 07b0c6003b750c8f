"""Bounces, complaints and unsubscribes that come back *by mail* when we send through our own
mail server (with a provider, django-anymail's webhooks do this job: ``webhooks.py``).

- Every delivery goes out with its own envelope sender (VERP, RFC 5321 Return-Path):
  ``bounces+<delivery id>-<signature>@<network domain>``. A bounce is addressed to it, so it
  names the delivery; the signature keeps forged bounces from suppressing anybody.
- ``process_mailbox`` (Celery beat) reads the bounce mailbox (a Maildir, or IMAP) and handles
  delivery status notifications (DSN, RFC 3464: a permanent failure fails the delivery and
  suppresses the address), feedback reports (ARF, RFC 5965: the subscriber complained, so they
  are unsubscribed) and mails to the List-Unsubscribe mailto (``unsubscribe <token>``).
  Handled mails are removed; mails it cannot place stay in the mailbox, marked seen, for a person.
"""

import email
import functools
import hashlib
import hmac
import imaplib
import logging
import mailbox
import re
from collections import Counter
from dataclasses import dataclass
from email import policy

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import Delivery, Subscriber
from .tokens import subscriber_id_for_manage_token

logger = logging.getLogger(__name__)

VERP_SALT = "newsletter.verp"
MESSAGE_ID = re.compile(r"<newsletter\.(\d+)\.(\d+)@[^>]+>")
TOKEN_IN_MAILTO = re.compile(r"subject=unsubscribe(?:%20|\+|\s)([^>\s&]+)", re.IGNORECASE)
ADDRESS_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Return-Path")


def _local_part():
    return settings.NEWSLETTER_BOUNCE_LOCAL_PART


def _signature(delivery_id):
    """First 10 hex digits of an HMAC (key from SECRET_KEY and a salt): one per mail sent."""
    return hmac.new(_verp_key(settings.SECRET_KEY), str(delivery_id).encode(), hashlib.sha256).hexdigest()[:10]


@functools.lru_cache(maxsize=2)
def _verp_key(secret):
    return salted_hmac(VERP_SALT, "", secret=secret).digest()


def return_path(delivery_id, domain):
    return f"{_local_part()}+{delivery_id}-{_signature(delivery_id)}@{domain}"


def delivery_id_from_address(address):
    """The delivery a VERP address names, or None (not ours, or a forged signature)."""
    match = re.search(rf"\b{re.escape(_local_part())}\+(\d+)-([0-9a-f]{{10}})@", address or "", re.IGNORECASE)
    if match and constant_time_compare(match.group(2).lower(), _signature(int(match.group(1)))):
        return int(match.group(1))
    return None


@dataclass
class MailboxEvent:
    """What one mail in the bounce mailbox means."""

    kind: str  # bounce | delayed | complaint | unsubscribe | unknown
    delivery_id: int | None = None
    subscriber_id: int | None = None
    detail: str = ""
    permanent: bool = False


# ---------------------------------------------------------------- reading one mail


def _parts(message, content_type):
    return [part for part in message.walk() if part.get_content_type() == content_type]


def _original_headers(message):
    """The returned original's headers (message/rfc822 or text/rfc822-headers), or None."""
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            return payload[0] if isinstance(payload, list) else payload
        if part.get_content_type() == "text/rfc822-headers":
            return email.message_from_string(part.get_content(), policy=policy.default)
    return None


def _delivery_from_verp(*messages):
    for message in messages:
        if message is None:
            continue
        for header in ADDRESS_HEADERS:
            for value in message.get_all(header, []):
                found = delivery_id_from_address(str(value))
                if found:
                    return found
    return None


def _delivery_from_message_id(original, recipient):
    """Fallback when the VERP address was lost: our Message-ID in the returned original, but
    only together with the address the delivery went to (Message-IDs are not secret)."""
    match = MESSAGE_ID.search(str(original.get("Message-ID", ""))) if original is not None else None
    if not match or not recipient:
        return None
    delivery = Delivery.objects.filter(pk=int(match.group(2)), issue_id=int(match.group(1))).first()
    if delivery and delivery.address.lower() == recipient.lower():
        return delivery.pk
    return None


def _subscriber_from_list_unsubscribe(original):
    """The signed token of our List-Unsubscribe mailto in the returned original."""
    if original is None:
        return None
    match = TOKEN_IN_MAILTO.search(str(original.get("List-Unsubscribe", "")))
    return _subscriber_for_token(match.group(1)) if match else None


def _subscriber_for_token(token):
    from urllib.parse import unquote

    try:
        return subscriber_id_for_manage_token(unquote(token))
    except (signing.BadSignature, ValueError):
        return None


def _address(field):
    """'rfc822; anna@example.org' → 'anna@example.org'"""
    return str(field or "").rpartition(";")[2].strip().strip("<>")


def read_dsn(message):
    """RFC 3464: the first recipient block with Action failed (or delayed) decides."""
    blocks = []
    for part in _parts(message, "message/delivery-status"):
        blocks += [b for b in part.get_payload() if b.get("Action")]
    block = next((b for b in blocks if str(b["Action"]).strip().lower() == "failed"), None)
    if block is None:
        return MailboxEvent("delayed" if blocks else "unknown", detail="no permanent failure in the report")
    status = str(block.get("Status", "")).strip()
    diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).rpartition(";")[2].split())
    recipient = _address(block.get("Original-Recipient") or block.get("Final-Recipient"))
    original = _original_headers(message)
    delivery_id = _delivery_from_verp(message, original) or _delivery_from_message_id(original, recipient)
    return MailboxEvent(
        "bounce",
        delivery_id=delivery_id,
        subscriber_id=None if delivery_id else _subscriber_from_list_unsubscribe(original),
        detail=f"bounce {status} {diagnostic}".strip(),
        permanent=status.startswith("5"),
    )


def read_arf(message):
    """RFC 5965: a recipient marked our mail as spam; their mailbox provider tells us."""
    report = {}
    for part in _parts(message, "message/feedback-report"):
        payload = part.get_payload()
        fields = payload[0] if isinstance(payload, list) else part
        report = {k.lower(): str(v) for k, v in fields.items()}
    original = _original_headers(message)
    delivery_id = delivery_id_from_address(report.get("original-mail-from", "")) or _delivery_from_verp(original)
    subscriber_id = _subscriber_from_list_unsubscribe(original)
    if delivery_id is None and subscriber_id is None:
        delivery_id = _delivery_from_message_id(original, _address(report.get("original-rcpt-to")))
    return MailboxEvent(
        "complaint",
        delivery_id=delivery_id,
        subscriber_id=subscriber_id,
        detail=f"complaint ({report.get('feedback-type', 'abuse')})",
    )


def read_unsubscribe(message):
    """A mail to the List-Unsubscribe mailto: ``Subject: unsubscribe <token>``."""
    subject = str(message.get("Subject", ""))
    if "unsubscribe" not in subject.lower():
        return MailboxEvent("unknown", detail="not a report and not an unsubscribe request")
    for word in reversed(subject.split()):
        subscriber_id = _subscriber_for_token(word)
        if subscriber_id:
            return MailboxEvent("unsubscribe", subscriber_id=subscriber_id, detail="unsubscribe by mail")
    return MailboxEvent("unknown", detail="unsubscribe request without a valid token")


def read_mail(raw):
    """What a mail in the bounce mailbox means (nothing is changed yet)."""
    message = email.message_from_bytes(raw, policy=policy.default)
    if message.get_content_type() == "multipart/report":
        report_type = (message.get_param("report-type") or "").lower()
        if report_type == "delivery-status":
            return read_dsn(message)
        if report_type == "feedback-report":
            return read_arf(message)
    return read_unsubscribe(message)


# ---------------------------------------------------------------- acting on it


def apply(event):
    """Change deliveries and subscribers as the event says. True if the mail was placed."""
    delivery = Delivery.objects.filter(pk=event.delivery_id).first() if event.delivery_id else None
    subscriber_id = delivery.subscriber_id if delivery else event.subscriber_id
    if event.kind == "bounce" and (delivery or subscriber_id):
        if delivery:
            Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, last_error=event.detail)
        if event.permanent and subscriber_id:
            Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.ACTIVE).update(
                status=Subscriber.Status.BOUNCED
            )
        return True
    if event.kind == "complaint" and subscriber_id:
        Subscriber.objects.filter(pk=subscriber_id).update(
            status=Subscriber.Status.COMPLAINED, unsubscribed_at=timezone.now()
        )
        return True
    if event.kind == "unsubscribe" and subscriber_id:
        from .subscriptions import unsubscribe

        subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
        if subscriber:
            unsubscribe(subscriber)
        return subscriber is not None
    return event.kind == "delayed"  # a delay report needs nothing: our retry or theirs follows


def handle_mail(raw):
    try:
        event = read_mail(raw)
    except Exception as exc:  # one broken mail must not stop the mailbox
        logger.warning("newsletter: unreadable mail in the bounce mailbox: %s", exc)
        return MailboxEvent("unknown", detail=str(exc)), False
    return event, apply(event)


# ---------------------------------------------------------------- mailboxes


class MaildirSource:
    """A Maildir the mail server delivers ``bounces+…`` and ``unsubscribe@`` mail to."""

    def __init__(self, path):
        self.box = mailbox.Maildir(path, factory=None, create=False)

    def messages(self):
        for key in list(self.box.keys()):
            message = self.box.get_message(key)
            if "S" not in message.get_flags():
                yield key, self.box.get_bytes(key)

    def handled(self, key):
        self.box.remove(key)

    def left(self, key):
        message = self.box.get_message(key)
        message.set_subdir("cur")
        message.add_flag("S")
        self.box[key] = message

    def close(self):
        self.box.close()


class ImapSource:
    """An IMAP mailbox (TLS): unseen mail is read; handled mail is deleted."""

    def __init__(self, host, port, user, password, folder):
        self.imap = imaplib.IMAP4_SSL(host, port)
        self.imap.login(user, password)
        self.imap.select(folder)

    def messages(self):
        _status, data = self.imap.uid("search", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            _status, fetched = self.imap.uid("fetch", uid, "(RFC822)")
            raw = next((item[1] for item in fetched if isinstance(item, tuple)), None)
            if raw:
                yield uid, raw

    def handled(self, uid):
        self.imap.uid("store", uid, "+FLAGS", "(\\Deleted)")

    def left(self, uid):
        pass  # fetching marked it seen

    def close(self):
        self.imap.expunge()
        self.imap.logout()


def configured_sources():
    sources = []
    if settings.NEWSLETTER_BOUNCE_MAILDIR:
        sources.append(MaildirSource(settings.NEWSLETTER_BOUNCE_MAILDIR))
    if settings.NEWSLETTER_BOUNCE_IMAP_HOST:
        sources.append(
            ImapSource(
                settings.NEWSLETTER_BOUNCE_IMAP_HOST,
                settings.NEWSLETTER_BOUNCE_IMAP_PORT,
                settings.NEWSLETTER_BOUNCE_IMAP_USER,
                settings.NEWSLETTER_BOUNCE_IMAP_PASSWORD,
                settings.NEWSLETTER_BOUNCE_IMAP_FOLDER,
            )
        )
    return sources


def process_mailbox(sources=None):
    """Read every configured bounce mailbox once. Returns counts by kind of mail."""
    counts = Counter()
    for source in configured_sources() if sources is None else sources:
        try:
            for key, raw in source.messages():
                event, placed = handle_mail(raw)
                counts[event.kind if placed else "unplaced"] += 1
                if placed:
                    source.handled(key)
                else:
                    source.left(key)
        finally:
            source.close()
    return dict(counts)
