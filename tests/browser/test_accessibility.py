"""axe-core finds no WCAG 2.x A/AA violation on one page of every page type on every demo site."""

import pytest
from wagtail.models import Site

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
