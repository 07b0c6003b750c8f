"""Wagtail's page view, routed in two queries.

Wagtail's ``serve`` walks the tree from the site's start page, one query per path segment plus
one for each page's specific type, then loads the view restrictions of the page and its
ancestors (two more). With the network's tree in the fragment cache
(:func:`publicsite.network.tree`: start page per language, restrictions, aliases) the page is
found by its ``url_path`` below the start page in the reader's language — the same page Wagtail's
walk finds, because each page's ``url_path`` is its ancestors' slugs — and its restrictions are
known without a query. Everything after routing (the ``before_serve_page`` and
``on_serve_page`` hooks, the restriction check, ``serve()``) is Wagtail's own.

Routing falls back to Wagtail's walk when a page type routes itself (``route()`` overridden,
e.g. ``RoutablePageMixin``), when the fragment cache is off, or when nothing is found here (so
Wagtail answers the 404 as it would).
"""

from functools import cache

from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult

from responsecache import fragments

from . import network


def serve(request, path):
    route(request, path)
    return wagtail_views.serve(request, path)


@cache
def every_page_type_routes_by_slug():
    return all(model.route is Page.route for model in get_page_models())


def _active_locale_id(request):
    """``Locale.get_active()`` from the cached locales: the active language's locale, else the default."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    by_code = {locale.language_code: pk for pk, locale in network.locales(request).items()}
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            found = by_code.get(get_supported_content_language_variant(code))
        except LookupError:
            continue
        if found is not None:
            return found
    return None


def route(request, path):
    """Put Wagtail's route result for ``path`` on the request (Wagtail reads it from there)."""
    from wagtail.models import Site

    if not fragments.enabled() or hasattr(request, "_wagtail_route_for_request"):
        return
    if not every_page_type_routes_by_slug():
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    known = network.tree(site, request)
    root = known.root_for_locale(_active_locale_id(request))
    components = [component for component in path.split("/") if component]
    if not components:
        page = root
    else:
        url_path = root.url_path + "".join(f"{component}/" for component in components)
        page = Page.objects.filter(url_path=url_path, path__startswith=root.path).first()
        page = page.specific if page is not None else None
    if page is None or not page.live or page.depth != root.depth + len(components):
        # nothing here, or a page whose url_path disagrees with its place in the tree (a move
        # that went wrong): Wagtail walks the tree and answers as usual
        return
    restrictions = known.view_restrictions(page)
    if restrictions is not None:
        page.get_view_restrictions = lambda: restrictions  # Wagtail's restriction check asks this
    network.give_locale(page, request)
    page._served_request = request  # the page's own lookups (its sign-language video) find its network
    request._wagtail_route_for_request = RouteResult(page)
