"""Editor tasks of issue 13 in a real browser, in German, as a network editor of Altona:
the dashboard's charts with their data tables, creating an API token, adding a subscriber by
hand with a recorded consent; axe-core (WCAG 2.x A/AA) on each admin view we add.

Wagtail's own admin chrome is not ours to fix; axe runs on the region of our own markup
(the dashboard panels, our views' main content)."""

import os
from pathlib import Path

import pytest

from .conftest import format_violations

PASSWORD = "pw-editor-altona-123"
SCREENSHOTS = os.environ.get("EDITOR_SCREENSHOTS")  # a folder: the dashboard is photographed there


@pytest.fixture(scope="session")
def altona_editor(demo_server, django_db_blocker):
    """An editor of the Altona network, committed so the server thread sees it."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Site
    from wagtail.users.models import UserProfile

    with django_db_blocker.unblock():
        site = Site.objects.get(hostname="altona.localhost")
        user = get_user_model().objects.create_user("redaktion-altona", password=PASSWORD)
        user.groups.add(Group.objects.get(name=f"Redaktion {site.site_name}"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "de"
        profile.save()
    yield user
    with django_db_blocker.unblock():
        user.api_tokens.all().delete()
        user.delete()


def log_in(page, demo_server):
    page.goto(demo_server.url("altona", "/admin/login/"))
    page.locator('input[name="username"]').fill("redaktion-altona")
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url("**/admin/", timeout=30_000)


def audit_region(page, axe_audit, selector):
    violations = [
        v
        for v in axe_audit(page)
        if any(any(selector_part in " ".join(map(str, n["target"])) for selector_part in selector) for n in v["nodes"])
    ]
    return violations


def test_dashboard_shows_charts_with_data_tables_in_german(demo_server, page, altona_editor, axe_audit):
    log_in(page, demo_server)
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.get_by_role("heading", name="Abonnent*innen im Zeitverlauf").wait_for()
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "editors-dashboard-altona.png"), full_page=True)
    assert page.get_by_role("heading", name="Barrierefreie Versionen").first.is_visible()
    charts = page.locator("svg.dashboard-chart[role=img]")
    assert charts.count() >= 2
    assert page.locator(".miteinander-dashboard table").count() >= 2  # subscribers per month, coverage
    assert "Runder Tisch Integration Altona" in page.content()
    # the demo's year of readers and its sent issue: numbers, not empty panels
    sends = page.locator(".miteinander-dashboard", has_text="Letzte Versände")
    assert "Newsletter: Rückblick auf die Fachforen" in sends.inner_text()
    violations = audit_region(page, axe_audit, [".miteinander-dashboard", "dash-"])
    assert not violations, format_violations(violations)


def test_editor_creates_a_read_only_api_token(demo_server, page, altona_editor, axe_audit):
    log_in(page, demo_server)
    page.goto(demo_server.url("altona", "/admin/my-api-tokens/"))
    violations = audit_region(page, axe_audit, ["main", "#main"])
    assert not violations, format_violations(violations)
    page.locator("#id_name").fill("Stadtportal")
    page.get_by_role("button", name="Token erstellen").click()
    page.get_by_text("nur dieses eine Mal").wait_for()
    assert page.get_by_label("Token", exact=True).input_value().startswith("wagtail_")
    assert page.get_by_role("cell", name="nur lesen").is_visible()


def test_editor_adds_a_subscriber_with_a_recorded_consent(demo_server, page, altona_editor, axe_audit):
    log_in(page, demo_server)
    page.goto(demo_server.url("altona", "/admin/snippets/newsletter/subscriber/add/"))
    violations = audit_region(page, axe_audit, ["added_how", "admin_consent_note"])
    assert not violations, format_violations(violations)
    page.locator("#id_email").fill("papier-browser@example.org")
    page.get_by_label("Die Person hat schon anderswo zugestimmt").check()
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Sagen Sie, wo und wann die Person zugestimmt hat").first.wait_for()
    page.locator("#id_admin_consent_note").fill("auf Papier beim Forum, 12.11.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url("**/subscriber/")
    assert page.get_by_text("papier-browser@example.org").first.is_visible()
