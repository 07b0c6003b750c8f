"""Rendering without the cache: within ``cache_optional()`` a cache error counts as a miss.

The cache (Redis) only makes rendering cheaper — Wagtail keeps the site root paths and image
renditions there — it never holds anything a mail needs. So a newsletter batch or preview must
not fail, nor wait for its lease to run out, because Redis is down: for the current thread the
default cache is swapped for a wrapper that answers "not cached" when the server cannot be
reached, and after the first such error stops trying for the rest of the block.
"""

import logging
from contextlib import contextmanager

from django.core.cache import caches

logger = logging.getLogger(__name__)

try:
    from redis.exceptions import RedisError

    CACHE_ERRORS = (RedisError, OSError)
except ImportError:  # pragma: no cover - redis is a requirement
    CACHE_ERRORS = (OSError,)

_MISS_ANSWERS = {"get": None, "get_many": {}, "has_key": False, "add": False, "touch": False}


class FailOpenCache:
    """A cache backend's stand-in: the real one while it answers, "not cached" once it fails."""

    def __init__(self, backend):
        self._backend = backend
        self._down = False

    def __getattr__(self, name):
        attribute = getattr(self._backend, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            if not self._down:
                try:
                    return attribute(*args, **kwargs)
                except CACHE_ERRORS as exc:
                    self._down = True
                    logger.warning("newsletter: cache unavailable, rendering without it: %s", exc)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            return _MISS_ANSWERS.get(name)

        return call


@contextmanager
def cache_optional(alias="default"):
    """Within: for this thread, errors of the cache ``alias`` count as misses."""
    original = caches[alias]
    if isinstance(original, FailOpenCache):
        yield
        return
    caches[alias] = FailOpenCache(original)
    try:
        yield
    finally:
        caches[alias] = original
