"""Bounces and complaints from the mail provider (django-anymail's normalised tracking
events, whatever the provider): a bounce suppresses the address, a complaint unsubscribes."""

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

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


# --- authentication of the provider's posts -----------------------------------------------------


def webhook_secrets():
    """The ``user:password`` pairs the provider may send (ANYMAIL WEBHOOK_SECRET, one or a list)."""
    from django.conf import settings

    secret = (getattr(settings, "ANYMAIL", None) or {}).get("WEBHOOK_SECRET") or []
    secrets = [secret] if isinstance(secret, str) else list(secret)
    return [value for value in secrets if value]


def require_webhook_auth(view):
    """Anymail only warns when no secret is set, and answers 400 to a wrong one. Here every post
    without the configured HTTP basic auth gets 401 (403 while no secret is configured: then the
    endpoints are off), before anymail parses anything."""
    import functools
    import hmac

    from anymail.utils import get_request_basic_auth
    from django.http import HttpResponse

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        secrets = webhook_secrets()
        if not secrets:
            return HttpResponse(_("Webhooks are not configured."), status=403, content_type="text/plain")
        sent = get_request_basic_auth(request) or ""
        if not any(hmac.compare_digest(sent.encode(), secret.encode()) for secret in secrets):
            response = HttpResponse(_("Authentication required."), status=401, content_type="text/plain")
            response["WWW-Authenticate"] = 'Basic realm="anymail"'
            return response
        return view(request, *args, **kwargs)

    return guarded


def authenticated_anymail_urls():
    """anymail's URL patterns, each behind ``require_webhook_auth``."""
    from anymail import urls as anymail_urls
    from django.urls import URLPattern

    patterns = []
    for pattern in anymail_urls.urlpatterns:
        if isinstance(pattern, URLPattern):
            pattern = URLPattern(
                pattern.pattern, require_webhook_auth(pattern.callback), pattern.default_args, pattern.name
            )
        patterns.append(pattern)
    return patterns, anymail_urls.app_name
