"""In a real browser: every demo network's start page shows its own logo and colours (through
/theme.css, under the strict CSP), sign-language players show a poster frame, the month view
breaks no word in the middle on a 320 px phone, and Leichte Sprache pages declare a valid
language tag. Screenshots of the start page at 320 and 1280 px go to ``READER_SCREENSHOTS``
when that is set (docs/screenshots/ in the repository)."""

import os
from pathlib import Path

import pytest

from .conftest import format_violations

SCREENSHOTS = os.environ.get("READER_SCREENSHOTS")
NETWORKS = ["hildesheim", "hannover", "hameln", "altona", "herne"]

# Words of visible text whose characters the browser laid out on more than one line.
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || !node.parentElement.checkVisibility()) continue;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def rgb(hex_colour):
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("network", NETWORKS)
def test_the_start_page_shows_the_networks_logo_and_colours(demo_server, page, axe_audit, network):
    from wagtail.models import Site

    from publicsite.models import NetworkIdentity

    identity = NetworkIdentity.for_site(Site.objects.get(hostname=demo_server.hosts[network]))
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if message.type == "error" else None)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(demo_server.url(network, "/"))
        logo = page.locator("img.site-logo")
        assert logo.is_visible()
        assert logo.evaluate("img => img.complete && img.naturalWidth > 0"), "the logo did not load"
        assert round(logo.bounding_box()["height"]) == (40 if width == 320 else 48)
        header = page.locator(".site-header")
        assert header.evaluate("e => getComputedStyle(e).borderTopColor") == rgb(identity.secondary_colour)
        assert header.evaluate("e => getComputedStyle(e).borderBottomColor") == rgb(identity.primary_colour)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        violations = axe_audit(page)
        assert not violations, format_violations(violations)
        if SCREENSHOTS and network == "altona":
            page.screenshot(path=str(Path(SCREENSHOTS) / f"readers-after-start-{width}.png"), full_page=True)
    assert blocked == []  # e.g. a style the CSP refused


def test_sign_language_players_show_a_poster_frame(demo_server, page):
    page.goto(demo_server.url("hameln", "/"))
    players = page.locator("video")
    assert players.count() >= 4
    for index in range(players.count()):
        poster = players.nth(index).get_attribute("poster")
        assert poster and "dgs-poster-" in poster
        status, kind = page.evaluate(
            "async url => { const r = await fetch(url); return [r.status, r.headers.get('content-type')]; }", poster
        )
        assert (status, kind) == (200, "image/jpeg")


def test_the_month_view_breaks_no_word_on_a_320_pixel_phone(demo_server, page, axe_audit):
    from wagtail.models import Site

    from home.models import EventIndexPage

    page.set_viewport_size({"width": 320, "height": 800})
    for network in NETWORKS:
        site = Site.objects.get(hostname=demo_server.hosts[network])
        calendar = EventIndexPage.objects.descendant_of(site.root_page).live().first()
        page.goto(demo_server.page_url(calendar) + "?ansicht=month")
        assert page.locator(".month-agenda").is_visible() and not page.locator("table.month").is_visible()
        assert page.locator(".month-agenda li").count() > 0
        broken = page.locator(".month-agenda").evaluate(BROKEN_WORDS) + page.locator(".month-nav").evaluate(
            BROKEN_WORDS
        )
        assert broken == [], f"{network}: words broken across lines: {broken}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        violations = axe_audit(page)
        assert not violations, format_violations(violations)
        if SCREENSHOTS and network == "hameln":
            page.screenshot(path=str(Path(SCREENSHOTS) / "readers-after-month-320.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    assert page.locator("table.month").is_visible() and not page.locator(".month-agenda").is_visible()


def test_leichte_sprache_pages_declare_a_registered_language_tag(demo_server, page):
    from accessibility.models import LeichteSpracheLink

    link = LeichteSpracheLink.objects.select_related("variant").first()
    response = page.goto(demo_server.page_url(link.variant))
    assert response.headers["content-language"] == "de-x-ls"
    assert page.locator("html").get_attribute("lang") == "de-x-ls"
    assert page.evaluate("document.documentElement.lang") == "de-x-ls"
