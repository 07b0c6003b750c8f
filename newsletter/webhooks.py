"""Bounces and complaints from the mail provider (django-anymail's normalised tracking
events, whatever the provider): a bounce suppresses the address, a complaint unsubscribes."""

from django.dispatch import receiver
from django.utils import timezone

from .models import Subscriber, normalise_email

try:
    from anymail.signals import tracking
except ImportError:  # pragma: no cover - anymail is a pinned dependency
    tracking = None


def apply_tracking_event(event_type, recipient):
    """Returns the number of subscriber rows changed (one per site the address is on)."""
    address = normalise_email(recipient)
    if not address:
        return 0
    if event_type == "bounced":
        return (
            Subscriber.objects.filter(email=address)
            .exclude(status=Subscriber.Status.UNSUBSCRIBED)
            .update(status=Subscriber.Status.BOUNCED)
        )
    if event_type == "complained":
        return Subscriber.objects.filter(email=address).update(
            status=Subscriber.Status.COMPLAINED, unsubscribed_at=timezone.now()
        )
    return 0


if tracking is not None:

    @receiver(tracking, dispatch_uid="newsletter.tracking")
    def handle_tracking(sender, event, esp_name, **kwargs):
        apply_tracking_event(event.event_type, event.recipient)
