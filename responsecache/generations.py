"""Generation counters: the one place that names the response cache's keys.

Every cached answer's key contains the current generation of each network it may show. An event
that changes what a network shows bumps that network's counter, so every answer stored under
the old value is never read again (it expires by its timeout). This is coarse — one publish
invalidates all of that network's answers — but exact: no answer that shows the changed object
survives, whichever page, listing or feed it appears in.

Counters:

- ``host:<hostname>``: a network, by the hostname of its Site (ports are ignored, so sites that
  share a hostname share a counter; bumping one invalidates both, never too little).
- ``default``: the default site, which answers requests for unknown hostnames.
- ``global``: objects that every network may show (images, documents, media, sites, locales).
- ``any``: bumped with every network; read by the few API answers that look up an object of any
  network by id (sign-language and translations of a page).

A counter starts at the current time in nanoseconds, so a counter that was evicted and starts
again never repeats an earlier value.
"""

import hashlib
import time

from django.core.cache import caches
from django.http.request import split_domain_port

PREFIX = "rc:"
GLOBAL = "global"
DEFAULT = "default"
ANY = "any"


def cache():
    from django.conf import settings

    return caches[getattr(settings, "RESPONSE_CACHE_ALIAS", "default")]


def host_counter(hostname):
    domain, _port = split_domain_port(hostname or "")
    return f"host:{(domain or hostname or '').lower().rstrip('.')}"


def _key(counter):
    return f"{PREFIX}gen:{counter}"


def read(counters):
    """The current values of ``counters`` (one round trip; missing ones are started)."""
    store = cache()
    keys = {counter: _key(counter) for counter in counters}
    values = store.get_many(keys.values())
    result = {}
    for counter, key in keys.items():
        value = values.get(key)
        if value is None:
            store.add(key, time.time_ns(), timeout=None)
            value = store.get(key)
        result[counter] = value
    return result


def bump(counters):
    """Give each counter a new value: answers stored under the old one are never read again."""
    store = cache()
    for counter in set(counters):
        key = _key(counter)
        try:
            store.incr(key)
        except ValueError:  # missing: start it (a start value differs from every earlier one)
            if not store.add(key, time.time_ns(), timeout=None):
                store.incr(key)


def entry_key(parts, generations):
    """The cache key of one answer: what identifies the request plus the generations it shows."""
    text = "\n".join([*parts, *(f"{name}={generations[name]}" for name in sorted(generations))])
    return f"{PREFIX}page:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
