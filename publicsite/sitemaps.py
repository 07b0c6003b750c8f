"""sitemap.xml and robots.txt of each network (Wagtail site).

Wagtail's contrib sitemap lists the descendants of the site's root page: with wagtail-localize
that is only the German tree, because each translation of the start page roots a tree of its
own. This sitemap lists every live public page of the network in every language, and names each
page's translations as ``hreflang`` alternates (German is also ``x-default``). Addresses are
built from the request's scheme, host and port, so the file matches the host that served it.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

DEFAULT_LANGUAGE = "de"


class NetworkSitemap(Sitemap):
    """Every live public page of the request's network, in all its languages."""

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        roots = site.root_page.get_translations(inclusive=True)
        in_network = Q()
        for path in roots.values_list("path", flat=True):
            in_network |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_network)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .only("id", "path", "depth", "url_path", "translation_key", "locale", "last_published_at")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in self.items():
            by_key[item.translation_key].append(item)
        locations = {}

        def location(item):
            if item.pk not in locations:
                locations[item.pk] = self.request.build_absolute_uri(item.get_url(self.request))
            return locations[item.pk]

        urls = []
        for item in pages:
            url = {"item": item, "location": location(item), "lastmod": item.last_published_at}
            versions = by_key[item.translation_key]
            if len(versions) > 1:
                url["alternates"] = [
                    {"lang_code": version.locale.language_code, "location": location(version)} for version in versions
                ]
                url["alternates"] += [
                    {"lang_code": "x-default", "location": location(version)}
                    for version in versions
                    if version.locale.language_code == DEFAULT_LANGUAGE
                ]
            urls.append(url)
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, {"pages": NetworkSitemap})


# Crawlers may read every public page, but not the admin, the API, search results or the
# personal newsletter links (confirm, preferences, unsubscribe).
ROBOTS_DISALLOW = [
    "/admin/",
    "/django-admin/",
    "/api/",
    "/suche/",
    "/newsletter/bestaetigen/",
    "/newsletter/einstellungen/",
    "/newsletter/abmelden/",
    "/accessibility-feedback/",
    "/translation-request/",
]


LANGUAGE_PREFIXED = ("/suche/", "/newsletter/")  # these routes answer under /ar/, /en/ … too


def robots_disallow():
    prefixes = [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return ROBOTS_DISALLOW + [
        prefix + path for prefix in prefixes for path in ROBOTS_DISALLOW if path.startswith(LANGUAGE_PREFIXED)
    ]


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in robots_disallow())]
    lines += ["", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
