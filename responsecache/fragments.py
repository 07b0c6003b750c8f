"""Network-wide fragments: what every page of a network shows or needs (its site, menu, footer
contact, statement link, view restrictions, Leichte Sprache links, sign-language videos, action
fields, the locales), cached so that a page that is not in the response cache does not load them
again.

A fragment's key holds the same generation counters as the cached answers that show it
(:mod:`responsecache.generations`): the network's host counter and the global one. Every event
that invalidates the network's answers therefore also retires its fragments — a menu change
(page published, moved, unpublished), a contact or office hour, a site setting, a Leichte
Sprache link, a sign-language video, a view restriction — with no list of its own to keep.

Fragments are used only while the response cache is on (``RESPONSE_CACHE_ENABLED``): the
counters are bumped only then. Without it, ``build()`` runs every time.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.http.request import split_domain_port

from . import generations

MISSING = object()
REQUEST_ATTR = "_responsecache_generations"
SEEN_ATTR = "_responsecache_fragments"
_current_request = ContextVar("responsecache_request", default=None)


def current_request():
    """The request being answered (set by the response cache middleware), for code that is
    handed only a model instance (API field getters) and wants the network's fragments."""
    return _current_request.get()


@contextmanager
def answering(request):
    """Context manager: ``request`` is the current request inside."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def enabled():
    return getattr(settings, "RESPONSE_CACHE_ENABLED", False)


def _generations(counters, request=None):
    """Counter values, read once per request (one Redis round trip for all fragments)."""
    known = getattr(request, REQUEST_ATTR, None) if request is not None else None
    if known is None:
        known = {}
        if request is not None:
            setattr(request, REQUEST_ATTR, known)
    missing = [counter for counter in counters if counter not in known]
    if missing:
        known.update(generations.read(missing))
    return {counter: known[counter] for counter in counters}


def _cached(counters, parts, build, request=None):
    if not enabled():
        return build()
    parts = ["fragment", models_fingerprint(), *map(str, parts)]
    seen = _seen(request)
    value = seen.get(tuple(parts), MISSING)  # asked before in this request
    if value is not MISSING:
        return value
    key = generations.entry_key(parts, _generations(counters, request))
    store = generations.cache()
    value = store.get(key, MISSING)
    if value is MISSING:
        value = build()
        store.set(key, value, getattr(settings, "RESPONSE_CACHE_TIMEOUT", 3600))
    seen[tuple(parts)] = value
    return value


@cache
def models_fingerprint():
    """A hash of every model's columns: fragments hold pickled model instances, so after a deploy
    that changes a model the old fragments are never read (they expire by their timeout)."""
    from django.apps import apps

    columns = sorted(
        f"{model._meta.label}:{','.join(field.attname for field in model._meta.concrete_fields)}"
        for model in apps.get_models()
    )
    return hashlib.sha256("\n".join(columns).encode()).hexdigest()[:16]


def _seen(request):
    if request is None:
        return {}
    seen = getattr(request, SEEN_ATTR, None)
    if seen is None:
        seen = {}
        setattr(request, SEEN_ATTR, seen)
    return seen


def network_value(site, name, build, *variant, request=None):
    """``build()`` for the network of ``site``, cached until something the network shows changes.
    ``variant`` (language, …) tells apart values that differ within one network."""
    if site is None:
        return build()
    counters = {generations.GLOBAL, generations.host_counter(site.hostname)}
    return _cached(counters, ["network", site.pk, name, *variant], build, request)


def global_value(name, build, *variant, request=None):
    """``build()`` for objects every network shares (locales, sites), cached until one changes."""
    return _cached({generations.GLOBAL}, ["global", name, *variant], build, request)


def remember_site(request):
    """Find the request's site (Wagtail's ``Site.find_for_request``) from the cache: Wagtail
    caches it on the request, and every later lookup in this request reads it from there."""
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site") or not enabled():
        return
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = request.get_port()
    except Exception:  # a malformed forwarded port: let Wagtail decide as usual
        return
    site = global_value(
        "site-for-host", lambda: Site._find_for_request(request), hostname.lower(), port, request=request
    )
    if site is not None:  # with its start page, which routing, menus and API scoping all read
        site = network_value(site, "site", lambda: _with_root_page(site), request=request)
    request._wagtail_site = site


def _with_root_page(site):
    site.root_page  # noqa: B018  (loaded into the instance, cached with it)
    return site
