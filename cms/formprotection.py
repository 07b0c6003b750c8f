"""Protection of the public forms, in one place: newsletter sign-up, participation forms,
accessibility feedback and translation requests all use it.

Anonymous readers get no cookies on our public pages, so forms that sit on every page cannot
rely on Django's cookie-based CSRF token. Instead, following OWASP's stateless defences:

- a **signed form token** carries the time the form was rendered and what it is for (purpose
  and object), so it cannot be forged, expires (``FORM_MAX_AGE``) and tells a bot that posts at
  once from a reader (a minimum fill time per form);
- a **same-origin check**: the POST must come from a page of this host (Origin header, or the
  Referer when a browser sends no Origin);
- a **per-client counter** (:func:`cms.clients.over_limit` over a keyed hash of the client's
  address, never the address itself) bounds what a script can do with fresh tokens.

Every limit is a setting in ``cms/settings/base.py`` (section "Public forms").
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from .clients import client_address, over_limit


class FormRejected(Exception):
    """The submission is refused; ``str(error)`` is the message for the reader."""


def _signer(purpose):
    # A plain Signer: the token carries its own time ("t"), so pages rendered within the same
    # period can get the same token (no per-second timestamp like signing.dumps adds).
    return signing.Signer(salt=f"miteinander.form.{purpose}")


def form_token(purpose, object_id=0, issued_at=None, granularity=None):
    """A signed token for a form about ``object_id``; ``issued_at`` defaults to now.
    ``granularity`` (seconds) rounds the time down, so a page rendered twice in that period
    carries the same token (caches and response comparisons stay stable)."""
    issued = time.time() if issued_at is None else issued_at
    if granularity:
        issued = int(issued // granularity * granularity)
    return _signer(purpose).sign_object({"p": purpose, "id": object_id, "t": issued})


def token_age(token, purpose, object_id=0, *, max_age=None, now=None):
    """Seconds since the form of ``token`` was rendered. Raises FormRejected (without a
    message) when the token is missing, forged, for another form, or older than ``max_age``
    (default ``FORM_MAX_AGE``)."""
    now = time.time() if now is None else now
    try:
        data = _signer(purpose).unsign_object(token or "")
        issued = float(data["t"])
        if data.get("p") != purpose or data.get("id") != object_id:
            raise ValueError
    except (signing.BadSignature, TypeError, ValueError, KeyError) as error:
        raise FormRejected() from error
    age = now - issued
    if age > (settings.FORM_MAX_AGE if max_age is None else max_age):
        raise FormRejected()
    return age


def check_form_token(
    token, purpose, object_id=0, *, min_age=0.0, max_age=None, now=None, expired_message="", fast_message=""
):
    """Validate a token from :func:`form_token`; raise FormRejected with a reader's message:
    ``expired_message`` for a missing, forged or expired token, ``fast_message`` when the form
    came back sooner than ``min_age`` seconds after it was rendered."""
    try:
        age = token_age(token, purpose, object_id, max_age=max_age, now=now)
    except FormRejected as rejected:
        raise FormRejected(expired_message) from rejected
    if age < min_age:
        raise FormRejected(fast_message)
    return age


def same_origin(request):
    """True when the browser says the POST comes from a page of this host."""
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return bool(parts.netloc) and parts.netloc.lower() == request.get_host().lower()


def address_key(scope, address):
    """A cache key per client address and ``scope``; the address is a keyed hash, never
    stored as such."""
    digest = salted_hmac("miteinander.form.client", address or "unknown").hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def client_key(scope, request):
    return address_key(scope, client_address(request))


def rate_limited(scope, request, limit):
    """Count this attempt of the client; True when it made more than ``limit[0]`` attempts in
    ``limit[1]`` seconds (``limit`` is one of the ``*_RATE_LIMIT`` settings)."""
    return address_rate_limited(scope, client_address(request), limit)


def address_rate_limited(scope, address, limit):
    """:func:`rate_limited` for callers that have the client's address rather than the request
    (the newsletter's sign-up rules serve the form and the JSON API alike)."""
    count, window = limit
    return over_limit(address_key(scope, address), count, window)


def over_quota(scope, request, limit):
    """True when the client already used up ``limit`` (count, window) in ``scope``; unlike
    :func:`rate_limited` this counts nothing: call :func:`use_quota` for what is accepted."""
    return cache.get(client_key(scope, request), 0) >= limit[0]


def use_quota(scope, request, limit):
    """Count one accepted submission of the client in ``scope``."""
    over_limit(client_key(scope, request), limit[0], limit[1])
