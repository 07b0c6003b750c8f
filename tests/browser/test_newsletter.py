"""Subscribing to a network's newsletter in a real browser: found from any page, filled in with
the keyboard only, confirmed through the link in the mail, and free of axe violations."""

import re

import pytest
from django.core import mail

from newsletter.models import Subscriber
from tests.browser.conftest import format_violations
from tests.browser.test_search_and_forms import tab_to


def test_subscribe_and_confirm_keyboard_only(demo_server, page):
    mail.outbox = []
    page.goto(demo_server.url("herne", "/"))
    tab_to(page, "footer a[href='/newsletter/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Newsletter abonnieren"
    assert page.locator("#id_website").bounding_box()["x"] < 0  # the honeypot is not shown to people

    tab_to(page, "#id_email")
    page.keyboard.type("leyla@example.org")
    tab_to(page, "#id_name")
    page.keyboard.type("Leyla")
    tab_to(page, "input[name=edition]")
    page.keyboard.press("ArrowDown")  # arrow keys move the choice to the Leichte Sprache edition
    assert page.is_checked("input[name=edition][value=leichte_sprache]")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bitte folgen Sie dem Link, um die Anmeldung zu bestätigen" in page.locator("main").inner_text()

    subscriber = Subscriber.objects.get(site__hostname="herne.localhost", email="leyla@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    (confirmation,) = [m for m in mail.outbox if "leyla@example.org" in m.to]
    path = re.search(r"https?://[^/\s]+(/newsletter/bestaetigen/[^\s\"<]+/)", confirmation.body).group(1)

    page.goto(demo_server.url("herne", path))  # a link scanner's GET changes nothing …
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    tab_to(page, "main form button[type=submit]")  # … the reader's button press confirms
    with page.expect_navigation():
        page.keyboard.press("Enter")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.edition == "leichte_sprache"


@pytest.mark.parametrize("network", ["hildesheim", "hannover", "hameln", "altona", "herne"])
def test_newsletter_pages_have_no_axe_violations(demo_server, page, axe_audit, network):
    for path in ("/newsletter/", "/newsletter/archiv/"):
        page.goto(demo_server.url(network, path))
        violations = axe_audit(page)
        assert violations == [], f"{network}{path}\n" + format_violations(violations)
