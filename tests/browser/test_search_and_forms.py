"""Search and the Mitmachen form in a real browser: keyboard only, and no axe violations."""

import time
import uuid

import pytest
from django.core import mail

from participation.models import FormSubmission
from tests.browser.conftest import format_violations


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement && document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_search_autocomplete_by_keyboard(demo_server, page):
    page.goto(demo_server.url("hannover", "/suche/"))
    tab_to(page, "#search-q")
    page.keyboard.type("Sprachca", delay=30)
    listbox = page.locator("#search-suggestions")
    listbox.wait_for(state="visible")
    assert page.get_attribute("#search-q", "aria-expanded") == "true"
    assert "Sprachcafé im Stadtteiltreff" in listbox.inner_text()

    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#search-q", "aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().startswith("Sprachcafé")


def test_search_without_choosing_a_suggestion_shows_grouped_results(demo_server, page):
    page.goto(demo_server.url("hannover", "/suche/"))
    tab_to(page, "#search-q")
    page.keyboard.type("Sprachcafé")
    page.locator("#search-suggestions").wait_for(state="visible")
    page.keyboard.press("Escape")  # closes the suggestions and keeps the words
    assert page.locator("#search-suggestions").is_hidden()
    assert page.input_value("#search-q") == "Sprachcafé"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=Sprachcaf" in page.url
    assert page.locator("#treffer-events a", has_text="Sprachcafé im Stadtteiltreff").count() == 1


@pytest.mark.parametrize("network", ["hannover", "altona"])
def test_search_page_has_no_axe_violations(demo_server, page, axe_audit, network):
    page.goto(demo_server.url(network, "/suche/?q=Sprache"))
    assert page.locator(".search-results").count() == 1
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)
    # with the suggestions open
    page.fill("#search-q", "Spr")
    page.locator("#search-q").press("a")
    page.locator("#search-suggestions").wait_for(state="visible")
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)


def test_mitmachen_form_keyboard_only(demo_server, page, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 2
    settings.PARTICIPATION_CACHE_PREFIX = f"browser-{uuid.uuid4().hex}"  # other tests' sends don't count
    mail.outbox = []
    page.goto(demo_server.url("hameln", "/mitmachen/"))
    opened = time.monotonic()

    tab_to(page, "input[name=join_as]")  # the radio group gets the focus…
    page.keyboard.press("ArrowDown")  # …and the arrow keys move the choice to "volunteer"
    assert page.is_checked("input[name=join_as][value=volunteer]")
    tab_to(page, "#id_name")
    page.keyboard.type("Mira Tastatur")
    tab_to(page, "#id_email")
    page.keyboard.type("mira@example.org")
    tab_to(page, "input[name=action_fields]")
    page.keyboard.press("Space")
    tab_to(page, "#id_message")
    page.keyboard.type("Ich helfe gern beim Sprachcafé.")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, ".participation-form button[type=submit]")
    time.sleep(max(0, 2.2 - (time.monotonic() - opened)))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "gesendet=1" in page.url
    assert page.locator(".form-thanks").count() == 1
    submission = FormSubmission.objects.get(email="mira@example.org")
    assert submission.site.hostname == "hameln.localhost"
    assert submission.join_as == "volunteer"
    assert submission.action_fields.count() == 1
    assert any("Mira Tastatur" in message.body for message in mail.outbox)


def test_form_refusal_keeps_entries_in_the_browser(demo_server, page, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 60
    page.goto(demo_server.url("altona", "/kontakt/"))
    page.fill("#id_name", "Schnelle Person")
    page.fill("#id_email", "schnell@example.org")
    page.fill("#id_message", "Hallo")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click(".participation-form button[type=submit]")
    assert page.locator(".form-errors").count() == 1
    assert page.input_value("#id_name") == "Schnelle Person"
    assert page.input_value("#id_message") == "Hallo"
    assert not FormSubmission.objects.filter(email="schnell@example.org").exists()


@pytest.mark.parametrize("path", ["/mitmachen/", "/kontakt/"])
def test_form_pages_have_no_axe_violations(demo_server, page, axe_audit, path):
    page.goto(demo_server.url("herne", path))
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)
    # the error state too
    with page.expect_navigation():
        page.click(".participation-form button[type=submit]")
    assert page.locator(".form-errors").count() == 1
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)
