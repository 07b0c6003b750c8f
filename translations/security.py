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

from cms.clients import client_address, over_limit


class FormRejected(Exception):
    """The submission is refused; ``str(error)`` is the message for the reader."""


def _signer(purpose):
    # A plain Signer: the token carries its own time ("t"), so pages rendered within the same
    # period get the same token (no per-second timestamp like signing.dumps adds).
    return signing.Signer(salt=f"miteinander.form.{purpose}")


def form_token(purpose, object_id, issued_at=None, granularity=None):
    """A signed token for a form about ``object_id``; ``issued_at`` defaults to now.
    ``granularity`` (seconds) rounds the time down, so a page rendered twice in that period
    carries the same token (caches and response comparisons stay stable)."""
    issued = time.time() if issued_at is None else issued_at
    if granularity:
        issued = int(issued // granularity * granularity)
    return _signer(purpose).sign_object({"p": purpose, "id": object_id, "t": issued})


def check_form_token(
    token, purpose, object_id, *, min_age=0.0, max_age=24 * 3600, now=None, expired_message="", fast_message=""
):
    """Validate a token from :func:`form_token`; raise FormRejected with a reader's message."""
    now = now or time.time()
    try:
        data = _signer(purpose).unsign_object(token or "")
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


def rate_limited(scope, request, limit, window):
    """Count this attempt for the client; True when it made more than ``limit`` in ``window`` s."""
    return over_limit(f"ratelimit:{scope}:{client_address(request) or 'unknown'}", limit, window)
