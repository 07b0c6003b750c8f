"""Generation counters: the one place that names the response cache's keys.

Every cached answer records the generation of each network it may show, as read before it was
rendered, and is taken only while all of them are still current (every fragment's key contains
them). An event that changes what a network shows bumps that network's counter, so no answer
rendered under the old value is used again (the next render replaces it, or it expires by its
timeout). This is coarse — one publish invalidates all of that network's answers — but exact:
no answer that shows the changed object survives, whichever page, listing or feed it appears in.

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
    return read_with(counters, ())[0]


def read_with(counters, keys):
    """The current values of ``counters`` and what is stored under ``keys``, in one round trip
    (missing counters are started, which takes more)."""
    store = cache()
    counter_keys = {counter: _key(counter) for counter in counters}
    found = store.get_many([*counter_keys.values(), *keys])
    result = {}
    for counter, key in counter_keys.items():
        value = found.get(key)
        if value is None:
            store.add(key, time.time_ns(), timeout=None)
            value = store.get(key)
        result[counter] = value
    return result, {key: found[key] for key in keys if key in found}


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
    """The cache key of one fragment: what identifies it plus the generations it depends on."""
    text = "\n".join([*parts, *(f"{name}={generations[name]}" for name in sorted(generations))])
    return f"{PREFIX}page:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"


def answer_key(parts):
    """The cache key of one answer: what identifies the request, without generations. The stored
    entry holds the generations it was rendered under; the reader fetches it together with the
    current ones (:func:`read_with`) and takes it only when they are equal."""
    text = "\n".join(parts)
    return f"{PREFIX}answer:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
