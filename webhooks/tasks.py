"""Celery tasks of the webhooks app. Thin: they load an id and call :mod:`webhooks.delivery`."""

from celery import shared_task

from . import delivery


@shared_task(name="webhooks.deliver")
def deliver_webhook(delivery_id):
    """One attempt of a webhook delivery; a failure schedules the next attempt with backoff."""
    return delivery.deliver(delivery_id)
