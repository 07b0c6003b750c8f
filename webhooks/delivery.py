"""Queueing and sending webhooks: one row per event and endpoint, one POST per attempt.

A failed attempt (connection error, timeout, any answer outside 2xx) is retried with
exponential backoff (``WEBHOOK_RETRY_BASE_SECONDS`` × 2^(attempt−1)) until
``WEBHOOK_MAX_ATTEMPTS``; then the delivery is ``failed`` and an editor can resend it.
"""

import json
import urllib.error
import urllib.request
import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .signing import HEADER, signature_header


def max_attempts():
    return getattr(settings, "WEBHOOK_MAX_ATTEMPTS", 6)


def backoff_seconds(attempts):
    return getattr(settings, "WEBHOOK_RETRY_BASE_SECONDS", 30) * 2 ** max(attempts - 1, 0)


def payload_for(event, site, obj):
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "site": {"id": site.pk, "hostname": site.hostname, "root_url": site.root_url},
        "object": obj,
    }


def queue_event(site, event, obj):
    """After the commit: a delivery for every active endpoint of the site that wants the event."""

    def create_and_send():
        endpoints = [e for e in WebhookEndpoint.objects.filter(site=site, active=True) if event in (e.events or [])]
        for endpoint in endpoints:
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint, event=event, payload=payload_for(event, site, obj)
            )
            enqueue(delivery.pk)

    transaction.on_commit(create_and_send)


def enqueue(delivery_id, countdown=None):
    from .tasks import deliver_webhook

    deliver_webhook.apply_async((delivery_id,), countdown=countdown)


def body_of(delivery):
    return json.dumps(delivery.payload, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def attempt(delivery):
    """POST the delivery once and record the result; True when the receiver answered 2xx."""
    body = body_of(delivery)
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Miteinander-Webhooks/1",
            "Miteinander-Event": delivery.event,
            "Miteinander-Delivery": str(delivery.pk),
            HEADER: signature_header(delivery.endpoint.secret, body),
        },
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        with urllib.request.urlopen(request, timeout=getattr(settings, "WEBHOOK_TIMEOUT", 10)) as response:
            delivery.response_status = response.status
            delivery.error = ""
    except urllib.error.HTTPError as error:
        delivery.response_status = error.code
        delivery.error = f"HTTP {error.code}"
    except (OSError, ValueError) as error:
        delivery.response_status = None
        delivery.error = str(error)[:1000]
    ok = delivery.response_status is not None and 200 <= delivery.response_status < 300
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
    elif delivery.attempts >= max_attempts():
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
    delivery.save(update_fields=["attempts", "last_attempt_at", "response_status", "error", "status"])
    return ok


def deliver(delivery_id):
    """One attempt of a delivery; schedules the next one with backoff when it failed."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED):
        return None
    if not attempt(delivery) and delivery.status == WebhookDelivery.Status.RETRYING:
        enqueue(delivery.pk, countdown=backoff_seconds(delivery.attempts))
    return delivery.status


def resend(delivery):
    """An editor's "resend": a new delivery of the same payload, with fresh attempts."""
    copy = WebhookDelivery.objects.create(endpoint=delivery.endpoint, event=delivery.event, payload=delivery.payload)
    transaction.on_commit(lambda: enqueue(copy.pk))
    return copy
