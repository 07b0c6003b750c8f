"""Spam protection without third-party services: a honeypot field, a minimum time between
showing and sending the form (a signed timestamp, so it cannot be forged), and a limit of
submissions per client and network (Django's cache; Redis in production)."""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from cms.clients import client_address

TIMESTAMP_SALT = "miteinander.participation.form-started"
FORM_MAX_AGE = 24 * 60 * 60  # a form open longer than a day gets a fresh timestamp


def min_fill_seconds():
    return getattr(settings, "PARTICIPATION_MIN_FILL_SECONDS", 4)


def rate_limit():
    """(submissions, per seconds) one client may send to one network."""
    return getattr(settings, "PARTICIPATION_RATE_LIMIT", (5, 60 * 60))


def make_timestamp(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=TIMESTAMP_SALT)


class TimestampProblem(Exception):
    """The signed timestamp is missing, forged or too old."""


def seconds_since(token, now=None):
    try:
        started = signing.loads(token or "", salt=TIMESTAMP_SALT, max_age=FORM_MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise TimestampProblem(str(exc)) from exc
    return (now if now is not None else time.time()) - float(started)


def client_key(request, site):
    """A cache key per client and network; the address is hashed, never stored as such."""
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    prefix = getattr(settings, "PARTICIPATION_CACHE_PREFIX", "participation")
    return f"{prefix}:rate:{site.pk}:{digest}"


def is_rate_limited(request, site):
    limit, _window = rate_limit()
    return cache.get(client_key(request, site), 0) >= limit


def count_submission(request, site):
    _limit, window = rate_limit()
    key = client_key(request, site)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
