"""The delivery state machine: snapshot, claim, lease, record, progress.

1. ``start_send`` snapshots the recipients into Delivery rows (``INSERT … SELECT``; unique per
   issue and subscriber): the first few thousand rows commit at once and their batches are
   enqueued, the rest follows in one statement while they are sent.
2. A worker ``claim``s up to a batch of rows (``claims``: ``FOR UPDATE SKIP LOCKED``, status
   *sending* with a lease and its owner token) and runs ``send_batch``: render each variant once, build each
   recipient's mail (``message``), send it over one persistent SMTP connection (``smtp``) and
   record every result right after the server's answer.
3. Rows whose lease expired (their worker died) are claimable again; the only possible
   duplicate is the mail that was in flight at the crash. ``resume_sends`` (Celery beat)
   re-enqueues batches for issues still sending, so a lost broker queue (Redis restart) loses
   nothing: the rows in PostgreSQL are the truth.
4. SMTP 4xx and connection errors retry with exponential backoff (``next_attempt_at``); 5xx
   fails the delivery and a hard bounce suppresses the subscriber.
"""

import logging
import math
import time
import uuid

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from .batch import BatchResult, BatchRun
from .claims import claim, claimable
from .message import Letterhead, Variant
from .models import Delivery, NewsletterIssue, NewsletterSettings
from .rendering import render_issue
from .signals import issue_sent
from .smtp import PersistentSmtp, SmtpConfig
from .snapshot import insert_deliveries

logger = logging.getLogger(__name__)


class SendError(Exception):
    """An operator's request that cannot be done (e.g. sending an unpublished issue)."""


# ---------------------------------------------------------------- snapshot and fan-out


def start_send(issue_id):
    """Snapshot the recipients and fan out batches. Returns the number of deliveries.

    The snapshot is written in two steps so the first mail does not wait for the whole list:
    the first ``NEWSLETTER_SNAPSHOT_FIRST_ROWS`` rows commit together with the status "sending"
    and their batches are enqueued at once; then the rest (``complete_snapshot``) follows in
    one statement, while workers already send. Until it is written the issue records where it
    stands (``snapshot_after``), so it cannot count as sent early, and beat's ``resume_sends``
    finishes the snapshot should this process die in between."""
    from .rendering import RenderError, validate_issue

    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if not issue.is_source_issue:
            raise SendError(
                gettext(
                    "This is a translation. Send the German issue: subscribers who chose this language get "
                    "this translation with it."
                )
            )
        if issue.send_status != NewsletterIssue.SendStatus.DRAFT:
            raise SendError(
                gettext("This issue was already sent or is being sent (%(status)s).")
                % {"status": issue.get_send_status_display()}
            )
        if not issue.live:
            raise SendError(gettext("This issue is not published yet: publish it to mark it ready to send."))
        try:
            validate_issue(issue)
        except RenderError as exc:
            raise SendError(str(exc)) from exc
        first_rows = settings.NEWSLETTER_SNAPSHOT_FIRST_ROWS
        started = time.monotonic()
        count, last_subscriber = insert_deliveries(issue, limit=first_rows)
        NewsletterIssue.objects.filter(pk=issue_id).update(
            send_status=NewsletterIssue.SendStatus.SENDING,
            send_started_at=timezone.now(),
            snapshot_after=last_subscriber if count >= first_rows else None,
        )
        transaction.on_commit(lambda: enqueue_batches(issue_id))
    first_seconds = time.monotonic() - started
    if count >= first_rows:
        try:
            count += complete_snapshot(issue_id)
        except DatabaseError as exc:  # the send is under way; beat's resume_sends writes the rest
            if settings.CELERY_TASK_ALWAYS_EAGER:
                raise
            logger.warning("newsletter: the rest of the snapshot of issue %s is left to beat: %s", issue_id, exc)
    logger.info(
        "newsletter: issue %s snapshot of %s recipients in %.2f s (the first %s rows in %.2f s)",
        issue_id,
        count,
        time.monotonic() - started,
        min(count, first_rows),
        first_seconds,
        extra={"snapshot_rows": count, "snapshot_seconds": time.monotonic() - started},
    )
    if count == 0:
        finish_if_done(issue_id)
    return count


def complete_snapshot(issue_id):
    """Write the rest of a snapshot begun by ``start_send`` (one statement) and enqueue its
    batches. Safe to call at any time and from several processes: the issue row is locked and
    only an unfinished snapshot is continued. Returns the rows added."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None or issue.snapshot_after is None:
            return 0
        added = 0
        if issue.send_status in (NewsletterIssue.SendStatus.SENDING, NewsletterIssue.SendStatus.PAUSED):
            added = insert_deliveries(issue, after=issue.snapshot_after, joined_by=issue.send_started_at)[0]
        NewsletterIssue.objects.filter(pk=issue_id).update(snapshot_after=None)
        if issue.send_status == NewsletterIssue.SendStatus.SENDING:
            transaction.on_commit(lambda: enqueue_batches(issue_id))
    return added


def enqueue_batches(issue_id):
    """One task per batch of claimable rows, at most ``NEWSLETTER_MAX_TASKS_PER_ENQUEUE`` (32):
    a task that sent something enqueues its successor (``tasks.send_batch_task``), so that many
    chains run until the rows are sent. Publishing a task costs about a millisecond of the send
    call; 200 of them were a fifth of a 100,000-row snapshot. Tasks claim whatever is pending, so
    extra tasks are harmless, and a lost task is made up by ``resume_sends``. Run in-process
    (eager) there are no successors: one task per batch."""
    from .tasks import send_batch_task

    waiting = claimable(issue_id, timezone.now()).count()
    # one task per batch, whatever the workers' NEWSLETTER_SMTP_CONNECTIONS (the enqueuing
    # process may be configured differently); a task that finds nothing left is cheap
    batches = math.ceil(waiting / settings.NEWSLETTER_BATCH_SIZE)
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        batches = min(batches, settings.NEWSLETTER_MAX_TASKS_PER_ENQUEUE)
    try:
        with send_batch_task.app.producer_or_acquire() as producer:  # one broker connection for all
            for _ in range(batches):
                send_batch_task.apply_async((issue_id,), producer=producer)
    except Exception as exc:  # broker down: beat's resume_sends enqueues from the rows once it is back
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        logger.warning("newsletter: could not enqueue batches of issue %s: %s", issue_id, exc)
    return batches


def continue_send(issue_id):
    """A send task's successor (see ``enqueue_batches``); broker down: beat's ``resume_sends``."""
    from .tasks import send_batch_task

    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    try:
        send_batch_task.delay(issue_id)
    except Exception as exc:
        logger.warning("newsletter: could not enqueue the next batch of issue %s: %s", issue_id, exc)


def resume_sends():
    """Celery beat: re-enqueue batches for every issue still sending that has claimable rows
    (after a worker crash, a Redis restart, or when retries fall due)."""
    now = timezone.now()
    reclaim_expired(now)
    for issue_id in NewsletterIssue.objects.filter(snapshot_after__isnull=False).values_list("pk", flat=True):
        complete_snapshot(issue_id)  # the process that started the send died before writing the rest
    enqueued = 0
    for issue_id in NewsletterIssue.objects.filter(send_status=NewsletterIssue.SendStatus.SENDING).values_list(
        "pk", flat=True
    ):
        if claimable(issue_id, now).exists():
            enqueued += enqueue_batches(issue_id)
        else:
            finish_if_done(issue_id)
    return enqueued


def reclaim_expired(now=None):
    """Claims whose lease ran out (the worker died) go back to pending."""
    now = now or timezone.now()
    return Delivery.objects.filter(status=Delivery.Status.SENDING, lease_until__lt=now).update(
        status=Delivery.Status.PENDING, lease_until=None, claim_token=None
    )


def finish_if_done(issue_id):
    # First whether the snapshot is complete, then whether rows are open: the rows of a
    # snapshot's second step commit with its completion, so once it reads complete they are seen.
    if NewsletterIssue.objects.filter(pk=issue_id, snapshot_after__isnull=False).exists():
        return 0
    if not Delivery.objects.filter(
        issue_id=issue_id, status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    ).exists():
        finished = NewsletterIssue.objects.filter(
            pk=issue_id, send_status=NewsletterIssue.SendStatus.SENDING, snapshot_after__isnull=True
        ).update(send_status=NewsletterIssue.SendStatus.SENT, send_finished_at=timezone.now())
        if finished:
            # receivers may talk to the broker (webhooks): an outage there must not fail the send
            for receiver, error in issue_sent.send_robust(sender=NewsletterIssue, issue_id=issue_id):
                if isinstance(error, Exception):
                    logger.warning("newsletter: issue_sent receiver %s failed: %s", receiver, error)
        return finished
    return 0


# ---------------------------------------------------------------- pause, resume, cancel


def pause(issue_id):
    return NewsletterIssue.objects.filter(pk=issue_id, send_status=NewsletterIssue.SendStatus.SENDING).update(
        send_status=NewsletterIssue.SendStatus.PAUSED
    )


def resume(issue_id):
    changed = NewsletterIssue.objects.filter(pk=issue_id, send_status=NewsletterIssue.SendStatus.PAUSED).update(
        send_status=NewsletterIssue.SendStatus.SENDING
    )
    if changed:
        transaction.on_commit(lambda: enqueue_batches(issue_id))
    return changed


def cancel(issue_id):
    with transaction.atomic():
        changed = NewsletterIssue.objects.filter(
            pk=issue_id, send_status__in=[NewsletterIssue.SendStatus.SENDING, NewsletterIssue.SendStatus.PAUSED]
        ).update(send_status=NewsletterIssue.SendStatus.CANCELLED, send_finished_at=timezone.now())
        if changed:
            Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).update(
                status=Delivery.Status.CANCELLED, lease_until=None
            )
    return changed


# ---------------------------------------------------------------- the batch


def send_batch(issue_id, batch_size=None, smtp=None):
    """Claim one batch of this issue's deliveries and send it. Safe to run in any number of
    workers at once. Returns a BatchResult."""
    result = BatchResult()
    issue = NewsletterIssue.objects.select_related("site").filter(pk=issue_id).first()
    if issue is None or issue.send_status != NewsletterIssue.SendStatus.SENDING:
        result.stopped = True
        return result
    # With DraftStateMixin the row holds the published content; drafts live in revisions.
    claimed = claim(issue_id, batch_size or settings.NEWSLETTER_BATCH_SIZE, settings.NEWSLETTER_LEASE_SECONDS)
    result.claimed = len(claimed.ids)
    if claimed.ids:
        send_claimed(issue, claimed, smtp or PersistentSmtp.shared(SmtpConfig.from_settings()), result)
        if result.retry:
            _schedule_retry(issue_id)
    finish_if_done(issue_id)
    return result


def add_results(total, result):
    for field in ("claimed", "sent", "retry", "failed", "suppressed", "lost"):
        setattr(total, field, getattr(total, field) + getattr(result, field))


def send_claimed(issue, claimed, smtp, result):
    """Send the rows of one claim, each only while the claim still owns it."""
    run = BatchRun(issue, claimed, smtp, result)
    with run.ledger_open():
        _run_chunks(run)
    return result


def _run_chunks(run):
    for start, chunk in run.chunks():
        if not run.keep_going(start, chunk):
            return
        for row in chunk:
            if not run.deliver(row):
                return


def _schedule_retry(issue_id):
    from .tasks import send_batch_task

    next_due = (
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING, next_attempt_at__isnull=False)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if next_due and not settings.CELERY_TASK_ALWAYS_EAGER:
        try:
            send_batch_task.apply_async((issue_id,), eta=next_due)
        except Exception as exc:  # broker down: beat's resume_sends finds the due rows anyway
            logger.warning("newsletter: could not schedule the retry of issue %s: %s", issue_id, exc)


def send_all_now(issue_id, smtp=None):
    """Send every claimable row of an issue in this process (command line, tests)."""
    total = BatchResult()
    while True:
        result = send_batch(issue_id, smtp=smtp)
        add_results(total, result)
        if not result.claimed or result.stopped:
            return total


# ---------------------------------------------------------------- test sends


def test_send(issue, addresses, edition="standard"):
    """Send the issue to the given addresses, placeholders filled with sample values (a
    test send never goes out with raw placeholders). Returns the list of addresses sent to."""
    letterhead = Letterhead.build(NewsletterSettings.for_site(issue.site).from_header(), issue.site.root_url)
    variant = Variant(render_issue(issue, edition=edition), "de")
    smtp = PersistentSmtp(SmtpConfig.from_settings())
    sent = []
    try:
        for address in addresses:
            message_id = f"<newsletter.test.{uuid.uuid4().hex}@{letterhead.domain}>"
            data = variant.message(
                letterhead, recipient=address, name="Anna Beispiel", token="test", message_id=message_id
            )
            smtp.send(letterhead.envelope_from, address, data.replace(b"Subject: ", b"Subject: [Test] ", 1))
            sent.append(address)
    finally:
        smtp.close()
    return sent
