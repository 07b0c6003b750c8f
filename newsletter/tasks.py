"""Celery tasks of the newsletter: thin wrappers that load ids and call plain functions."""

from celery import shared_task

from . import bounces, digest, sending


@shared_task(name="newsletter.send_batch", acks_late=True)
def send_batch_task(issue_id):
    result = sending.send_batch(issue_id)
    return {"claimed": result.claimed, "sent": result.sent, "retry": result.retry, "failed": result.failed}


@shared_task(name="newsletter.resume_sends")
def resume_sends_task():
    """Beat: reclaim expired leases and re-enqueue batches of issues still sending."""
    return sending.resume_sends()


@shared_task(name="newsletter.compose_due_digests")
def compose_due_digests_task():
    """Beat: compose (and, where a site chose so, send) the digests that are due."""
    return [issue.pk for issue in digest.compose_due_digests()]


@shared_task(name="newsletter.process_mailbox")
def process_mailbox_task():
    """Beat: read the bounce mailbox (DSN, ARF, List-Unsubscribe mailto) when one is configured."""
    return bounces.process_mailbox()
