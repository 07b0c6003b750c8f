"""Protection for the two public forms (translation request, accessibility feedback) that
works without cookies.

Anonymous readers get no cookies on our public pages (see home's test of that), so Django's
cookie-based CSRF token cannot be used for forms that sit on every page. Instead, following
OWASP's stateless defences: the form carries a signed, expiring token naming what it is for,
and the POST must come from the same origin (Origin header, or Referer when a browser sends no
Origin). A rate limit per client address bounds what a script can do with fresh tokens.
"""

import time
from urllib.parse import urlsplit

from django.core import signing
from django.core.cache import cache


class FormRejected(Exception):
    """The submission is refused; ``str(error)`` is the message for the reader."""


def form_token(purpose, object_id, issued_at=None):
    """A signed token for a form about ``object_id``; ``issued_at`` defaults to now."""
    issued = time.time() if issued_at is None else issued_at
    return signing.dumps({"p": purpose, "id": object_id, "t": issued}, salt=f"miteinander.form.{purpose}")


def check_form_token(token, purpose, object_id, *, min_age=0.0, max_age=24 * 3600, now=None,
                     expired_message="", fast_message=""):
    """Validate a token from :func:`form_token`; raise FormRejected with a reader's message."""
    now = now or time.time()
    try:
        data = signing.loads(token or "", salt=f"miteinander.form.{purpose}")
        issued = float(data["t"])
        if data.get("p") != purpose or data.get("id") != object_id:
            raise ValueError
    except (signing.BadSignature, TypeError, ValueError, KeyError) as error:
        raise FormRejected(expired_message) from error
    if now - issued > max_age:
        raise FormRejected(expired_message)
    if now - issued < min_age:
        raise FormRejected(fast_message)
    return issued


def same_origin(request):
    """True when the browser says the POST comes from a page of this host."""
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return bool(parts.netloc) and parts.netloc.lower() == request.get_host().lower()


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(scope, request, limit, window):
    """Count this attempt for the client; True when it made more than ``limit`` in ``window`` s."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    return count > limit
