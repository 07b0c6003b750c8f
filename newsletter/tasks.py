"""Celery tasks of the newsletter: thin wrappers that load ids and call plain functions."""

import smtplib

from celery import shared_task
from celery.signals import worker_process_init
from django.conf import settings

from . import bounces, digest, message, rendering, senders, sending


@worker_process_init.connect(dispatch_uid="newsletter.warm_up")
def warm_up(**kwargs):
    """A fresh worker process loads and compiles the mail templates, starts the MJML renderer and
    reverses the mail's links in every language now, not while the first recipient of the next
    send waits for them."""
    rendering.warm_up()
    message.warm_up()


@shared_task(name="newsletter.send_batch", acks_late=True)
def send_batch_task(issue_id):
    result = senders.send_batches(issue_id)
    if result.claimed and not result.stopped:
        sending.continue_send(issue_id)  # the chain goes on while there is something to send
    return {"claimed": result.claimed, "sent": result.sent, "retry": result.retry, "failed": result.failed}


@shared_task(name="newsletter.resume_sends")
def resume_sends_task():
    """Beat: reclaim expired leases and re-enqueue batches of issues still sending."""
    return sending.resume_sends()


@shared_task(name="newsletter.compose_due_digests")
def compose_due_digests_task():
    """Beat: compose (and, where a site chose so, send) the digests that are due."""
    return [issue.pk for issue in digest.compose_due_digests()]


@shared_task(name="newsletter.send_confirmation", bind=True, acks_late=True, max_retries=8)
def send_confirmation_task(self, subscriber_id):
    """The double opt-in mail; retried with growing pauses while the mail server is away."""
    from .models import Subscriber
    from .subscriptions import send_confirmation

    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return False  # confirmed, unsubscribed or erased meanwhile
    try:
        send_confirmation(subscriber)
    except (OSError, smtplib.SMTPException) as exc:
        raise self.retry(
            exc=exc, countdown=settings.NEWSLETTER_CONFIRM_RETRY_SECONDS * 2**self.request.retries
        ) from exc
    return True


@shared_task(name="newsletter.process_mailbox")
def process_mailbox_task():
    """Beat: read the bounce mailbox (DSN, ARF, List-Unsubscribe mailto) when one is configured."""
    return bounces.process_mailbox()
