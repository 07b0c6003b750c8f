"""Who is asking, for the rate limits of public forms and endpoints (newsletter sign-up, forms,
feedback, translation requests): one notion of the client's address and one attempt counter."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address. Behind our own reverse proxy set ``CLIENT_IP_HEADER`` (e.g.
    ``HTTP_X_FORWARDED_FOR``): the right-most entry is the one our proxy added, the others are
    whatever the client claims. Without it every reader behind the proxy shares one limit."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_limit(key, limit, window):
    """Count one attempt under ``key``; True once more than ``limit`` were made in ``window`` s."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit
