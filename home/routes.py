"""Slugs a page directly below a network's start page must not take.

A page's address is ``/<slug>/``; the installation's own routes (``/suche/``, ``/feeds/``,
``/newsletter/``, ``/api/``, ``/admin/`` …) and the language prefixes (``/en/``, ``/ar/`` …) are
matched first, so a page with such a slug could never be reached. The list is read from the URL
configuration itself, so a route a feature app adds later is reserved without touching this file.
"""

import re
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern
from django.utils.translation import gettext_lazy as _

RESERVED_MESSAGE = _(
    "The slug “%(slug)s” is reserved: the address /%(slug)s/ already leads to a part of the website "
    "(search, feeds, newsletter, sitemap, admin …) or a language. Please choose another slug, "
    "for example “%(suggestion)s”."
)


def first_segment(pattern):
    """The literal first path segment of a URL pattern ('' when it has none)."""
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = re.match(r"\^?([\w.-]*)", text).group(1)
    segment = text.split("/", 1)[0]
    return "" if "<" in segment or "(" in segment else segment


def route_segments(patterns):
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            continue  # the pages themselves
        segment = first_segment(entry.pattern)
        if segment:
            yield segment
        elif isinstance(entry, URLResolver):
            yield from route_segments(entry.url_patterns)


@cache
def reserved_slugs():
    slugs = set(route_segments(get_resolver().url_patterns))
    slugs |= {code for code, _name in settings.LANGUAGES}
    slugs |= {url.strip("/").split("/")[0] for url in (settings.STATIC_URL, settings.MEDIA_URL) if url.strip("/")}
    # "sitemap.xml" and "healthz" are reserved whole; a slug has no dot, but /healthz/ redirects.
    return frozenset(slug.lower() for slug in slugs)


def is_network_top_level(parent):
    return parent is not None and parent.is_site_root()


def check_slug(slug, parent):
    """Raise a ValidationError on the slug field when ``slug`` below ``parent`` hits a route."""
    if slug and is_network_top_level(parent) and slug.lower() in reserved_slugs():
        message = RESERVED_MESSAGE % {"slug": slug, "suggestion": f"{slug}-info"}
        raise ValidationError({"slug": message})


class RouteSafeSlug:
    """Page mixin: refuse slugs of the installation's routes on every save, not only in the admin."""

    def clean(self):
        super().clean()
        check_slug(self.slug, self.get_parent())
