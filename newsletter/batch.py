"""One worker's batch: the steps ``sending.send_batch`` loops over.

For the rows a worker claimed: keep the lease while working (extended by time, a third into
it, and only for rows this claim still owns) and stop on pause or cancel, build each
recipient's mail (``message``), hand it to the SMTP connection (``smtp``) and record the
answer in the delivery ledger (``ledger``) before the next mail's data goes out (with
PIPELINING the next mail's envelope is already on the wire: one wait serves both). A row the
worker no longer owns is not sent: the only possible duplicate is the mail in flight when a
worker dies.
"""

import contextlib
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .ledger import Ledger, surviving_drops
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
    lost: int = 0  # rows another worker took over after our lease ran out: not sent by us
    stopped: bool = False


RECIPIENT_FIELDS = ("pk", "address", "attempts", "subscriber_id", "subscriber__name", "subscriber__status")


def recipient_row(pk, address, attempts, subscriber_id, name, status, language, edition, topics):
    """One claimed row as ``BatchRun`` uses it (``sending.claim`` reads these in its statement)."""
    return {
        "pk": pk,
        "address": address,
        "attempts": attempts,
        "subscriber_id": subscriber_id,
        "subscriber__name": name,
        "subscriber__status": status,
        "topics": frozenset(topics or ()),
        "edition": edition or "standard",
        "language": language or "de",
    }


def _load_recipients(ids):
    """The claimed rows with what personalising needs: name, status, edition, language, topics
    (when the claim did not read them itself)."""
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


CHECK_EVERY = 25  # mails between looks at the rate limit
STATUS_EVERY = 1.0  # seconds between looks at the issue's status (pause/cancel)


class Lease:
    """A worker's hold on the rows it claimed, named by the claim's owner token.

    Renewed by time, a third into the lease, so a row is never sent with less than two thirds
    of the lease left; a renewal answers which rows are still ours (another worker may have
    taken rows whose lease ran out while, say, a slow relay held us up)."""

    def __init__(self, token, ids, seconds, started):
        self.token = token
        self.owned = set(ids)
        self.seconds = seconds
        self.renewed_at = started  # time.monotonic() taken before the claim's lease was set

    def due(self):
        return time.monotonic() - self.renewed_at > self.seconds / 3

    def renew(self, ids):
        """Extend the lease of ``ids`` that we still own; forget the others."""
        started = time.monotonic()
        token = Delivery._meta.get_field("claim_token").get_db_prep_value(self.token, connection)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Delivery._meta.db_table} SET lease_until = %s "
                f"WHERE id IN ({','.join(['%s'] * len(ids)) or 'NULL'}) AND claim_token = %s AND status = 'sending' "
                "RETURNING id",
                [timezone.now() + timedelta(seconds=self.seconds), *ids, token],
            )
            self.owned = {row[0] for row in cursor.fetchall()}
        self.renewed_at = started

    def release(self, ids, status):
        """Give rows back (pause: pending; cancel: cancelled), only those still ours."""
        Delivery.objects.filter(pk__in=ids, claim_token=self.token, status=Delivery.Status.SENDING).update(
            status=status, lease_until=None
        )
        self.owned.difference_update(ids)


class BatchRun:
    """One worker's pass over the rows it claimed; ``send_batch`` is a loop over its steps."""

    def __init__(self, issue, claim, smtp, result):
        site_settings = NewsletterSettings.for_site(issue.site)
        self.issue, self.smtp, self.result = issue, smtp, result
        self.lease = claim.lease
        self.lease_seconds = claim.lease.seconds
        self.max_attempts = settings.NEWSLETTER_MAX_ATTEMPTS
        self.retry_base = settings.NEWSLETTER_RETRY_BASE_SECONDS
        self.limiter = RateLimiter(issue.site_id, site_settings.rate_limit_per_minute)
        self.recipients = claim.rows if claim.rows is not None else _load_recipients(claim.ids)
        self.letterhead = Letterhead.build(site_settings.from_header(), issue.site.root_url, smtp.supports_8bit())
        self.messages = BatchMessages(issue, self.letterhead, before_render=self.wait_for_ledger)
        self.overlap = smtp.pipelining()  # mails overlap on the connection (``transmit_overlapped``)
        self.in_flight = None  # (row, message_id) whose data is written and whose answer is not read
        self.last_check = time.monotonic()
        self.position = 0
        self.ledger = None

    def wait_for_ledger(self):
        self.ledger.wait()

    def chunks(self):
        for start in range(0, len(self.recipients), CHECK_EVERY):
            yield start, self.recipients[start : start + CHECK_EVERY]

    def keep_going(self, start, chunk):
        """Between chunks: pace to the rate limit (which may wait), then look at our lease."""
        self.collect()  # a mail's answer is recorded before any wait
        self.ledger.wait()
        self.limiter.acquire(len(chunk))
        self.position = start
        return self.checkpoint()

    def unsent_ids(self):
        return [r["pk"] for r in self.recipients[self.position :] if r["pk"] in self.lease.owned]

    def checkpoint(self):
        """Before a mail: stop on pause/cancel (looked at once a second) and renew the lease
        when a third of it has passed. False: stop this batch."""
        now = time.monotonic()
        if now - self.last_check > STATUS_EVERY:
            self.last_check = now
            self.ledger.wait()
            status = surviving_drops(
                lambda: NewsletterIssue.objects.filter(pk=self.issue.pk).values_list("send_status", flat=True).first()
            )
            if status != NewsletterIssue.SendStatus.SENDING:
                self.collect()
                paused = status == NewsletterIssue.SendStatus.PAUSED
                target = Delivery.Status.PENDING if paused else Delivery.Status.CANCELLED
                surviving_drops(lambda: self.lease.release(self.unsent_ids(), target))
                self.result.stopped = True
                return False
        if self.lease.due():
            self.ledger.wait()
            ids = self.unsent_ids()
            surviving_drops(lambda: self.lease.renew(ids))
        return True

    def still_ours(self, row):
        """Right before the mail goes out: is the row still ours, with most of the lease left?"""
        if not self.checkpoint():
            return False
        if row["pk"] not in self.lease.owned:
            self.result.lost += 1
            return False
        return True

    def transmit(self, row, data):
        """Send one mail; the server's refusal or a connection error comes back as SmtpFailure."""
        try:
            self.smtp.send(
                self.letterhead.return_path(row["pk"]), row["address"], data, self.letterhead.eight_bit, stuffed=True
            )
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
                surviving_drops(
                    lambda: Subscriber.objects.filter(pk=row["subscriber_id"]).update(status=Subscriber.Status.BOUNCED)
                )
            return
        due = timezone.now() + timedelta(seconds=self.retry_base * (2 ** (attempts - 1)))
        self.ledger.retry(row["pk"], attempts, due, str(failure))
        self.result.retry += 1
        if failure.connection_lost:
            self.smtp.drop()  # reconnect for the next mail

    def deliver(self, row):
        """One recipient: suppress, or build, send (if still ours) and record. False: stop."""
        if row["subscriber_id"] is None or row["subscriber__status"] != Subscriber.Status.ACTIVE:
            self.record_suppressed(row)
            return True
        variant = self.messages.variant(row["edition"], row["language"], row["topics"])
        if variant is None:
            self.record_suppressed(row, "no item matches the subscriber's topics")
            return True
        if self.overlap:
            if not self.still_ours(row):
                return not self.result.stopped
            self.transmit_overlapped(row, variant)
            return True
        message_id, data = self.personalise(row, variant)
        if not self.still_ours(row):
            return not self.result.stopped
        self.record(row, message_id, self.transmit(row, data))
        return True

    def personalise(self, row, variant):
        return self.messages.personalise(
            variant,
            delivery_id=row["pk"],
            recipient=row["address"],
            name=row["subscriber__name"],
            subscriber_id=row["subscriber_id"],
        )

    def record(self, row, message_id, failure):
        if failure is None:
            self.record_sent(row, message_id)
        else:
            self.record_failure(row, failure)

    def transmit_overlapped(self, row, variant):
        """With PIPELINING: this mail's MAIL, RCPT and DATA go out right behind the previous
        mail's data, before this mail is built; one wait then reads the previous mail's answer
        (recorded at once) and this mail's three; then this mail's data goes out, its answer
        read with the next mail. Still at most one mail per connection is sent and not yet
        recorded. When the connection broke, the mail is sent again from the start
        (``transmit`` reconnects)."""
        sender, recipient = self.letterhead.return_path(row["pk"]), row["address"]
        started = False
        if self.smtp.connected():
            try:
                self.smtp.start(sender, recipient, self.letterhead.eight_bit)
                started = True
            except TRANSPORT_ERRORS:
                pass  # the previous mail's answer tells what happened to the connection
        try:
            message_id, data = self.personalise(row, variant)
            self.collect()
            if started and self.smtp.connected():
                try:
                    self.smtp.finish(sender, recipient, data)
                except TRANSPORT_ERRORS as exc:
                    failure = SmtpFailure.from_exception(exc)
                    if not failure.connection_lost:
                        self.record_failure(row, failure)  # refused before its data: nothing went out
                        return
                else:
                    self.in_flight = (row, message_id)
                    return
        except BaseException:
            if started:
                with contextlib.suppress(Exception):
                    self.collect()  # the previous mail's answer comes first on the wire
                self.smtp.abandon()  # this mail's answers: nobody will read them
            self.ledger.wait()
            raise
        self.record(row, message_id, self.transmit(row, data))

    def collect(self):
        """Read and record the answer to the mail whose data went out last."""
        if self.in_flight is None:
            return
        row, message_id = self.in_flight
        self.in_flight = None
        try:
            self.smtp.data_answer()
        except TRANSPORT_ERRORS as exc:
            self.record_failure(row, SmtpFailure.from_exception(exc))
        else:
            self.record_sent(row, message_id)

    @contextmanager
    def ledger_open(self):
        """The batch's ledger; the last mail's answer is read and recorded before it closes."""
        with Ledger(Delivery._meta.db_table, self.lease.token) as self.ledger:
            try:
                yield self.ledger
            except BaseException:
                with contextlib.suppress(Exception):
                    self.collect()
                raise
            self.collect()
