"""One worker's batch: the steps ``sending.send_batch`` loops over.

For the rows a worker claimed: keep the lease while working and stop on pause or cancel,
build each recipient's mail (``message``), hand it to the SMTP connection (``smtp``) and
record the answer in the delivery ledger (``ledger``) before the next mail goes out.
"""

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .ledger import Ledger
from .message import BatchMessages, Letterhead
from .models import Delivery, NewsletterIssue, NewsletterSettings, Subscriber
from .smtp import TRANSPORT_ERRORS, RateLimiter, SmtpFailure


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    retry: int = 0
    failed: int = 0
    suppressed: int = 0
    stopped: bool = False


RECIPIENT_FIELDS = ("pk", "address", "attempts", "subscriber_id", "subscriber__name", "subscriber__status")


def _load_recipients(ids):
    """The claimed rows with what personalising needs: name, status, edition, language, topics."""
    fields = (*RECIPIENT_FIELDS, "subscriber__language", "subscriber__edition")
    rows = list(Delivery.objects.filter(pk__in=ids).order_by("pk").values(*fields))
    topics = {}
    through = Subscriber.topics.through.objects
    pairs = through.filter(subscriber_id__in=[r["subscriber_id"] for r in rows if r["subscriber_id"]])
    for sid, tid in pairs.values_list("subscriber_id", "actionfieldpage_id"):
        topics.setdefault(sid, set()).add(tid)
    for r in rows:
        r["topics"] = frozenset(topics.get(r["subscriber_id"], ()))
        r["edition"] = r["subscriber__edition"] or "standard"
        r["language"] = r["subscriber__language"] or "de"
    return rows


CHECK_EVERY = 25  # mails between looks at the issue's status (pause/cancel) and the rate limit


class BatchRun:
    """One worker's pass over the rows it claimed; ``send_batch`` is a loop over its steps."""

    def __init__(self, issue, ids, smtp, result):
        site_settings = NewsletterSettings.for_site(issue.site)
        self.issue, self.smtp, self.result = issue, smtp, result
        self.lease_seconds = getattr(settings, "NEWSLETTER_LEASE_SECONDS", 120)
        self.max_attempts = getattr(settings, "NEWSLETTER_MAX_ATTEMPTS", 6)
        self.retry_base = getattr(settings, "NEWSLETTER_RETRY_BASE_SECONDS", 60)
        self.limiter = RateLimiter(issue.site_id, site_settings.rate_limit_per_minute)
        self.recipients = _load_recipients(ids)
        self.letterhead = Letterhead.build(site_settings.from_header(), issue.site.root_url, smtp.supports_8bit())
        self.messages = BatchMessages(issue, self.letterhead, before_render=self.wait_for_ledger)
        self.last_check = time.monotonic()
        self.ledger = None

    def wait_for_ledger(self):
        self.ledger.wait()

    def chunks(self):
        for start in range(0, len(self.recipients), CHECK_EVERY):
            yield start, self.recipients[start : start + CHECK_EVERY]

    def keep_going(self, start, chunk):
        """Between chunks: pace to the rate limit, stop on pause/cancel, extend our lease."""
        self.ledger.wait()
        self.limiter.acquire(len(chunk))
        if time.monotonic() - self.last_check <= 1:
            return True
        self.last_check = time.monotonic()
        unsent = Delivery.objects.filter(
            pk__in=[r["pk"] for r in self.recipients[start:]], status=Delivery.Status.SENDING
        )
        status = NewsletterIssue.objects.filter(pk=self.issue.pk).values_list("send_status", flat=True).first()
        if status != NewsletterIssue.SendStatus.SENDING:
            paused = status == NewsletterIssue.SendStatus.PAUSED
            unsent.update(status=Delivery.Status.PENDING if paused else Delivery.Status.CANCELLED, lease_until=None)
            self.result.stopped = True
            return False
        unsent.update(lease_until=timezone.now() + timedelta(seconds=self.lease_seconds))
        return True

    def transmit(self, row, data):
        """Send one mail; the server's refusal or a connection error comes back as SmtpFailure."""
        try:
            self.smtp.send(self.letterhead.envelope_from, row["address"], data, self.letterhead.eight_bit)
        except TRANSPORT_ERRORS as exc:
            return SmtpFailure.from_exception(exc)
        except BaseException:
            self.ledger.wait()
            raise
        return None

    def record_suppressed(self, row, reason=""):
        self.ledger.suppressed(row["pk"], reason)
        self.result.suppressed += 1

    def record_sent(self, row, message_id):
        self.ledger.sent(row["pk"], row["attempts"] + 1, timezone.now(), message_id)
        self.result.sent += 1

    def record_failure(self, row, failure):
        attempts = row["attempts"] + 1
        if failure.permanent or attempts >= self.max_attempts:
            reason = str(failure) if failure.permanent else f"gave up after {attempts} attempts: {failure}"
            self.ledger.failed(row["pk"], attempts, reason)
            self.result.failed += 1
            if failure.hard_bounce:
                self.ledger.wait()
                Subscriber.objects.filter(pk=row["subscriber_id"]).update(status=Subscriber.Status.BOUNCED)
            return
        due = timezone.now() + timedelta(seconds=self.retry_base * (2 ** (attempts - 1)))
        self.ledger.retry(row["pk"], attempts, due, str(failure))
        self.result.retry += 1
        if failure.connection_lost:
            self.smtp.drop()  # reconnect for the next mail

    def deliver(self, row):
        if row["subscriber_id"] is None or row["subscriber__status"] != Subscriber.Status.ACTIVE:
            return self.record_suppressed(row)
        variant = self.messages.variant(row["edition"], row["language"], row["topics"])
        if variant is None:
            return self.record_suppressed(row, "no item matches the subscriber's topics")
        message_id, data = self.messages.personalise(
            variant,
            delivery_id=row["pk"],
            recipient=row["address"],
            name=row["subscriber__name"],
            subscriber_id=row["subscriber_id"],
        )
        failure = self.transmit(row, data)
        if failure is None:
            self.record_sent(row, message_id)
        else:
            self.record_failure(row, failure)

    @contextmanager
    def ledger_open(self):
        with connection.cursor() as cursor, Ledger(cursor, Delivery._meta.db_table) as self.ledger:
            yield self.ledger
