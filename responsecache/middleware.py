"""The response cache for anonymous readers: public pages, API reads, feeds and search.

Why our own middleware instead of a library: wagtail-cache 3.0.0 (the newest release) requires
``wagtail<8`` and caches pages only (not API answers), clearing everything on each publish;
Django's ``UpdateCacheMiddleware``/``FetchFromCacheMiddleware`` key by URL and ``Vary`` headers
but cannot include a network's generation, and they store answers that set cookies whenever the
request had none. This middleware is built from Django's cache framework (``caches``,
``get_conditional_response``, ``patch_vary_headers``) and stays small.

It sits after ``LocaleMiddleware``/``CommonMiddleware`` and before ``CsrfViewMiddleware``: a hit
is answered before CSRF, authentication, messages and the view run; a miss passes through them,
so the answer it stores already has its security headers and would show any cookie the inner
layers set. Rules:

- only GET/HEAD, only without ``Authorization`` header and without session or messages cookie
  (so never for logged-in editors or bearer-token API requests), never under the excluded
  prefixes (admin, documents, images, newsletter, headless preview …);
- only 200 answers that set no cookie, did not use a CSRF token (form pages), did not touch the
  session, are not marked private/no-store, and vary on nothing but language;
- the key holds scheme, host, path, query (sorted) and language; the stored entry holds the
  generations of the networks the answer may show, read before it was rendered
  (:mod:`responsecache.generations`). A hit is one round trip: one ``MGET`` reads the entry with
  the current generations, and an entry rendered under other values counts as a miss.

Every stored answer gets a strong ``ETag`` (hash of the body), ``Last-Modified`` (when it was
rendered) and a ``Cache-Control`` for its kind; ``If-None-Match``/``If-Modified-Since`` answer
304. Answers we may not store get ``Cache-Control: private`` so a CDN does not store them either.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_path

from . import fragments, generations

ALLOWED_VARY = {"accept-language", "accept-encoding", "origin"}
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def setting(name, default):
    return getattr(settings, name, default)


def kind_of(path):
    """Which Cache-Control policy a path gets: page, api, feed or search."""
    path = without_language_prefix(path)
    if path.startswith(("/api/v3/search/", "/suche/")):
        return "search"
    if path.startswith("/api/"):
        return "api"
    if path.startswith("/feeds/"):
        return "feed"
    return "page"


def without_language_prefix(path):
    """``/ar/newsletter/`` → ``/newsletter/``: the reader's routes under a language prefix are
    the same routes (pages keep their prefix: they are cached like any page)."""
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def in_scope(request):
    """GET/HEAD of a public page, API read, feed or search (not admin, media, newsletter …)."""
    if request.method not in ("GET", "HEAD"):
        return False
    return not without_language_prefix(request.path).startswith(tuple(setting("RESPONSE_CACHE_EXCLUDED_PREFIXES", ())))


def personal(request):
    """A bearer token, a session (logged-in editor) or pending messages: the answer is personal."""
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    bypass_cookies = setting("RESPONSE_CACHE_BYPASS_COOKIES", (settings.SESSION_COOKIE_NAME, "messages"))
    return any(name in request.COOKIES for name in bypass_cookies)


def counters_for(request, host):
    """The generation counters an answer to this request (for ``host``) depends on."""
    counters = {generations.GLOBAL, generations.DEFAULT, generations.host_counter(host)}
    site_param = request.GET.get("site")
    if site_param:
        counters.add(generations.host_counter(site_param))
    if request.path.startswith(tuple(setting("RESPONSE_CACHE_CROSS_NETWORK_PREFIXES", ()))):
        counters.add(generations.ANY)
    return counters


def request_parts(request, host):
    query = "&".join(f"{key}={value}" for key, values in sorted(request.GET.lists()) for value in values)
    return [request.scheme, host.lower(), request.path, query, translation.get_language() or ""]


def lookup(request):
    """The request's key, the current generations its answer depends on, and the stored entry if
    it was rendered under exactly these: one round trip (entry and counters in one ``MGET``).

    The generations are read before a miss renders and stored with its answer, so an answer
    rendered while an event bumped a counter is stored under the old value and never taken."""
    host = request.get_host()
    key = generations.answer_key(request_parts(request, host))
    current, found = generations.read_with(counters_for(request, host), [key])
    setattr(request, fragments.REQUEST_ATTR, dict(current))  # fragments of a miss read the same values
    entry = found.get(key)
    if entry is not None and entry[0] != current:  # rendered under other generations: a miss
        entry = None
    return key, current, entry


def response_is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the answer carries a CSRF token (form pages)
        return False
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return False
    if response.has_header("Cache-Control"):
        directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response["Cache-Control"])}
        if directives & PRIVATE_DIRECTIVES:
            return False
    if response.has_header("Vary"):
        varies = {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()}
        if varies - ALLOWED_VARY:
            return False
    return len(response.content) <= setting("RESPONSE_CACHE_MAX_BYTES", 2 * 1024 * 1024)


def add_validators(response, rendered_at):
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(rendered_at)


def add_cache_control(request, response, kind):
    response["Cache-Control"] = setting("RESPONSE_CACHE_CONTROL", {}).get(kind, "public, max-age=0")
    if kind in ("api", "search") and request.path.startswith("/api/"):
        # A CDN must not hand the anonymous answer to a bearer-token request (drafts, private pages).
        patch_vary_headers(response, ("Authorization",))


def freeze(response, rendered_under):
    """The stored entry: the generations the answer was rendered under, then the answer (its
    ``Last-Modified`` parsed once here, not on every hit)."""
    headers = [(name, value) for name, value in response.headers.items() if name.lower() != "set-cookie"]
    last_modified = response.get("Last-Modified")
    last_modified = parse_http_date_safe(last_modified) if last_modified else None
    return (rendered_under, response.status_code, headers, response.content, last_modified)


def thaw(entry):
    _rendered_under, status, headers, content, last_modified = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response, last_modified


def conditional(request, response, last_modified):
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not setting("RESPONSE_CACHE_ENABLED", False):
            return self.get_response(request)
        with fragments.answering(request):
            return self.answer(request)

    def answer(self, request):
        if not in_scope(request):
            fragments.remember_site(request)
            return self.get_response(request)
        if personal(request):
            fragments.remember_site(request)
            return keep_private(self.get_response(request))
        key, current, entry = lookup(request)
        if entry is not None:
            response, last_modified = thaw(entry)
            response["X-Cache"] = "HIT"
            return conditional(request, response, last_modified)
        fragments.remember_site(request)
        response = self.get_response(request)
        if request.method == "GET" and response_is_storable(request, response):
            add_validators(response, time.time())
            add_cache_control(request, response, kind_of(request.path))
            entry = freeze(response, current)  # the generations read before rendering
            generations.cache().set(key, entry, setting("RESPONSE_CACHE_TIMEOUT", 3600))
            response["X-Cache"] = "MISS"
            return conditional(request, response, entry[-1])
        return keep_private(response)


def keep_private(response):
    """A shared cache (CDN) must not store what we did not store."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response
