"""axe-core finds no WCAG 2.x A/AA violation on one page of every page type on every demo site
(in German), and on every page type in every other language, each language on one network
(``scripts/axe_crawl.py``, ``make axe-all``, checks every network in every language)."""

import pytest
from wagtail.models import Site

from tests.browser.axe_targets import LEICHTE_SPRACHE, browser_locale, leichte_sprache_targets, page_targets
from tests.browser.conftest import format_violations

PAGE_TYPES = [
    "homepage",
    "standardpage",
    "actionfieldpage",
    "roundtablepage",
    "meetingpage",
    "processpage",
    "newsindexpage",
    "newspage",
    "eventindexpage",
    "eventpage",
    "projectindexpage",
    "projectpage",
    "accessibilitystatementpage",
    "participationformpage",
]


def one_page_per_type(site):
    pages = {}
    for page in site.root_page.get_descendants(inclusive=True).live().specific():
        pages.setdefault(type(page).__name__.lower(), page)
    return pages


@pytest.mark.parametrize("network", ["hildesheim", "hannover", "hameln", "altona", "herne"])
def test_every_page_type_passes_axe(demo_server, page, axe_audit, network):
    site = Site.objects.get(hostname=demo_server.hosts[network])
    pages = one_page_per_type(site)
    assert set(PAGE_TYPES) <= set(pages), "the demo network should have every content page type"
    problems = {}
    for kind in sorted(pages):  # the types above and whatever other apps add (forms, statement …)
        url = demo_server.page_url(pages[kind])
        page.goto(url)
        violations = axe_audit(page)
        if violations:
            problems[url] = format_violations(violations)
    month = demo_server.page_url(pages["eventindexpage"]) + "?ansicht=month"
    page.goto(month)
    if violations := axe_audit(page):
        problems[month] = format_violations(violations)
    assert not problems, "\n".join(f"{url}\n{text}" for url, text in problems.items())


# Each language on another network, so over the run every network shows up in some other
# language, Arabic and Persian (right to left) on different networks and colour themes.
LANGUAGE_ON_NETWORK = {
    "en": "hildesheim",
    "tr": "hannover",
    "ar": "hameln",
    "uk": "altona",
    "ru": "hildesheim",
    "fa": "herne",
}


def test_every_language_is_rotated_over_the_networks():
    from django.conf import settings

    others = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} - {"de"}
    assert set(LANGUAGE_ON_NETWORK) == others
    assert set(LANGUAGE_ON_NETWORK.values()) == {"hildesheim", "hannover", "hameln", "altona", "herne"}


@pytest.mark.parametrize("language, network", sorted(LANGUAGE_ON_NETWORK.items()))
def test_every_page_type_passes_axe_in_every_language(demo_server, browser, axe_audit, language, network):
    """The page in that language where it is translated, else the German page under the
    language's prefix (the frame in the reader's language, Arabic and Persian right to left)."""
    site = Site.objects.get(hostname=demo_server.hosts[network])
    targets = page_targets(site, language, calendar_views=["calendar month"])  # as in German above
    assert {kind.split(" ")[0] for kind, _path in targets} >= set(PAGE_TYPES)
    problems = _audit(browser, axe_audit, demo_server, network, language, targets)
    assert not problems, "\n".join(f"{url}\n{text}" for url, text in problems.items())


def test_leichte_sprache_pages_pass_axe(demo_server, browser, axe_audit):
    """One Leichte Sprache page per network (their frame speaks Leichte Sprache, lang de-x-ls)."""
    problems = {}
    for network in demo_server.networks:
        site = Site.objects.get(hostname=demo_server.hosts[network])
        targets = leichte_sprache_targets(site, limit=1)
        assert targets, f"{network} should have a Leichte Sprache page"
        problems |= _audit(browser, axe_audit, demo_server, network, LEICHTE_SPRACHE, targets)
    assert not problems, "\n".join(f"{url}\n{text}" for url, text in problems.items())


def _audit(browser, axe_audit, demo_server, network, language, targets):
    context = browser.new_context(locale=browser_locale(language), timezone_id="Europe/Berlin")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    problems = {}
    try:
        for _label, path in targets:
            url = demo_server.url(network, path)
            response = tab.goto(url)
            assert response.status == 200, f"{url}: HTTP {response.status}"
            # the frame really is in the reader's language (else this checks German once more)
            assert tab.locator("a.skip-link").inner_text() != "Zum Inhalt springen", url
            if violations := axe_audit(tab):
                problems[url] = format_violations(violations)
    finally:
        context.close()
    return problems
