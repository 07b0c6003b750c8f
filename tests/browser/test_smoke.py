"""The demo networks answer in a real browser."""

from tests.browser.conftest import format_violations


def test_start_page_of_every_demo_network_opens(demo_server, page):
    for network in demo_server.networks:
        response = page.goto(demo_server.url(network, "/"))
        assert response.status == 200
        assert page.locator("main").count() == 1
        assert page.title()


def test_axe_audit_reports_violations_of_a_broken_page(demo_server, page, axe_audit):
    page.goto(demo_server.url("hameln", "/"))
    page.evaluate("document.documentElement.removeAttribute('lang')")
    ids = [violation["id"] for violation in axe_audit(page)]
    assert "html-has-lang" in ids, format_violations(axe_audit(page))
