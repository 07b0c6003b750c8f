"""A reader with a keyboard and a browser: filters, font size, skip link, toolbar, menu."""

import re

from playwright.sync_api import expect


def test_calendar_filters_free_and_action_field_narrow_the_list(demo_server, page):
    page.goto(demo_server.url("hannover", "/"))
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name=re.compile("Veranstaltung|Termine|Kalender", re.I)
    ).first.click()
    titles = page.locator(".event-list__item h3")
    all_titles = titles.all_inner_texts()
    assert len(all_titles) >= 3
    page.get_by_label("Nur kostenlose").check()
    page.get_by_role("button", name="Veranstaltungen zeigen").click()
    expect(page).to_have_url(re.compile(r"kostenlos=1"))
    free_titles = titles.all_inner_texts()
    assert 0 < len(free_titles) < len(all_titles)
    assert all(title in all_titles for title in free_titles)
    page.get_by_label("Nur kostenlose").uncheck()
    field = page.get_by_label("Handlungsfeld")
    options = field.locator("option").all_inner_texts()
    field.select_option(label=options[1])
    page.get_by_role("button", name="Veranstaltungen zeigen").click()
    expect(page).to_have_url(re.compile(r"handlungsfeld="))
    assert len(titles.all_inner_texts()) < len(all_titles)
    page.get_by_role("link", name="Monat").click()
    expect(page.locator("table.month caption")).to_contain_text("Veranstaltungen im")
    assert page.locator("table.month th[scope=col]").count() == 7


def test_text_search_and_today_filter(demo_server, page):
    page.goto(demo_server.url("hannover", "/"))
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    calendar_url = nav.get_by_role("link", name=re.compile("Veranstaltung|Termine|Kalender", re.I)).first.get_attribute(
        "href"
    )
    page.goto(demo_server.url("hannover", calendar_url))
    first_title = page.locator(".event-list__item h3").first.inner_text()
    page.get_by_label("Suche", exact=True).fill(first_title.split()[0])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert first_title in page.locator(".event-list__item h3").all_inner_texts()
    page.get_by_label("Suche", exact=True).fill("gibtesnichtxyz")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".event-list")).to_contain_text("Keine Veranstaltungen")
    page.get_by_label("Suche", exact=True).fill("")
    page.get_by_label("Heute").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Veranstaltungen zeigen").click()
    expect(page).to_have_url(re.compile("wann=today"))
    today = page.evaluate("new Date().toLocaleDateString('sv-SE', {timeZone: 'Europe/Berlin'})")
    shown = page.locator(".event-list time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert all(value.startswith(today) for value in shown)


def test_font_size_switch_is_remembered_across_pages_without_a_cookie(demo_server, page):
    page.goto(demo_server.url("hameln", "/"))
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="größte").click()
    expect(page.get_by_role("button", name="größte")).to_have_attribute("aria-pressed", "true")
    bigger = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert bigger == base * 1.5
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Aktuelles").click()
    page.wait_for_load_state()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == bigger
    expect(page.get_by_role("button", name="größte")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="normal").click()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == base
    assert page.context.cookies() == []


def test_keyboard_only_skip_link_toolbar_and_menu(demo_server, page):
    page.goto(demo_server.url("altona", "/"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["x"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    # From the top: the site name, the menu, then the toolbar — all reachable with Tab.
    page.goto(demo_server.url("altona", "/"))
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.textContent.trim() + '|' + document.activeElement.tagName")
        )
    texts = " ".join(reached)
    menu_links = page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link").all_inner_texts()
    assert all(link in texts for link in menu_links)
    assert "größte" in texts and "Drucken|BUTTON" in texts and "Teilen|BUTTON" in texts
    # A menu entry opens with Enter and is then marked as the current page.
    page.goto(demo_server.url("altona", "/"))
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_role("navigation", name="Hauptnavigation").locator("[aria-current=page]")).to_have_count(1)
    # The focus ring is drawn.
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_toolbar_offers_each_variant_or_says_honestly_it_is_missing_and_share_copies_the_link(demo_server, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # The start pages have a DGS video (BITV §4); the accessibility statement has no variants yet.
    page.goto(demo_server.url("herne", "/erklaerung-barrierefreiheit/"))
    toolbar = page.get_by_role("navigation", name="Lesehilfen")
    unavailable = toolbar.locator("li.toolbar__unavailable")
    missing_line = unavailable.inner_text() if unavailable.count() else ""
    assert unavailable.count() <= 1 and (not missing_line or missing_line.startswith("Nicht verfügbar: "))
    missing = missing_line.removeprefix("Nicht verfügbar: ").split(", ")
    for label in ("Leichte Sprache", "Gebärdensprache", "Vorlesen", "PDF"):
        offered = toolbar.locator("li.toolbar__item:not(.toolbar__unavailable)", has_text=label).count() > 0
        assert offered != (label in missing), f"{label}: offered={offered}, missing line={missing_line!r}"
    page.evaluate("navigator.share = undefined")
    toolbar.get_by_role("button", name="Teilen").click()
    expect(toolbar.get_by_role("status")).to_have_text("Link kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_no_requests_to_other_hosts_and_no_console_errors(demo_server, page):
    foreign, errors = [], []
    page.on("request", lambda r: foreign.append(r.url) if ".localhost:" not in r.url else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for network in demo_server.networks:
        page.goto(demo_server.url(network, "/"))
    assert foreign == [] and errors == []
    assert page.context.cookies() == []


def test_pages_fit_a_320_pixel_wide_phone_without_sideways_scrolling(demo_server, page):
    from wagtail.models import Site

    from tests.browser.test_accessibility import one_page_per_type

    page.set_viewport_size({"width": 320, "height": 640})
    site = Site.objects.get(hostname=demo_server.hosts["hameln"])
    too_wide = {}
    for kind, target in one_page_per_type(site).items():
        for suffix in ("", "?ansicht=month") if kind == "eventindexpage" else ("",):
            page.goto(demo_server.page_url(target) + suffix)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[kind + suffix] = width
    assert too_wide == {}
    # At the largest font size the start page still fits.
    page.goto(demo_server.url("hameln", "/"))
    page.get_by_role("button", name="größte").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_page_not_found_is_a_proper_accessible_page(demo_server, page, axe_audit):
    from tests.browser.conftest import format_violations

    response = page.goto(demo_server.url("herne", "/gibt-es-nicht/"))
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)


def test_wagtail_admin_login_still_works_under_its_content_security_policy(demo_server, page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(demo_server.url("altona", "/admin/login/"))
    expect(page.locator("form input[name=username]")).to_be_visible()
    assert not [error for error in errors if "Content Security Policy" in error]
