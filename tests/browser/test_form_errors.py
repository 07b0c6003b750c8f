"""What a screen-reader user meets when a form comes back with problems: the focus is on the
summary, the title counts the errors, and every invalid field has its label as accessible name
and its error message in its accessible description (read from Chromium's accessibility tree,
as a screen reader gets them)."""

import pytest

from tests.browser.conftest import format_violations


def accessible(page, selector):
    """Name and description of an element as Chromium's accessibility tree computes them."""
    session = page.context.new_cdp_session(page)
    try:
        document = session.send("DOM.getDocument", {"depth": 0})
        node = session.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
        tree = session.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})
    finally:
        session.detach()
    ax = tree["nodes"][0]
    return ax.get("name", {}).get("value", ""), ax.get("description", {}).get("value", "")


def invalid_fields(page):
    return page.eval_on_selector_all(
        "main [aria-invalid=true]",
        "els => els.map(e => ({id: e.id, error: (document.getElementById(e.id + '_error')"
        " || {}).textContent || '', label: (document.querySelector('label[for=\"' + e.id + '\"]') || {}).textContent"
        " || ''}))",
    )


def assert_problems_told(page, expected_count, expected_ids):
    assert page.evaluate("document.activeElement && document.activeElement.id") == "error-summary"
    assert page.title().startswith(f"{expected_count} Fehler: ")
    fields = invalid_fields(page)
    assert [field["id"] for field in fields] == expected_ids
    for field in fields:
        name, description = accessible(page, f"#{field['id']}")
        assert name and name.rstrip(" *") == field["label"].strip().rstrip(" *"), (field, name)
        assert field["error"].strip() and field["error"].strip() in description, (field, description)


def test_newsletter_form_problems_are_told_to_a_screen_reader(demo_server, page, axe_audit):
    page.goto(demo_server.url("hameln", "/newsletter/"))
    page.fill("#id_email", "keine-adresse")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert_problems_told(page, 2, ["id_email", "id_consent"])
    name, description = accessible(page, "#id_consent")
    assert description.startswith(page.inner_text("#consent-text").strip()[:20])
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)


def test_feedback_form_problems_are_told_to_a_screen_reader(demo_server, page, axe_audit):
    page.goto(demo_server.url("herne", "/erklaerung-barrierefreiheit/"))
    page.fill("#id_email", "aylin@")
    with page.expect_navigation():
        page.click("#feedback button[type=submit]")
    fields = invalid_fields(page)
    assert [field["id"] for field in fields] == ["id_email", "id_message"]
    count = int(page.title().split(" ", 1)[0])
    assert count >= 2  # two fields, and "too fast" when the form was sent at once
    assert_problems_told(page, count, ["id_email", "id_message"])
    violations = axe_audit(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("path, expected", [("/mitmachen/", ["id_name", "id_email", "id_consent"])])
def test_participation_form_problems_are_told_to_a_screen_reader(demo_server, page, path, expected):
    page.goto(demo_server.url("altona", path))
    page.check("input[name=join_as][value=volunteer]")
    with page.expect_navigation():
        page.click(".participation-form button[type=submit]")
    count = int(page.title().split(" ", 1)[0])
    assert_problems_told(page, count, expected)
    assert page.get_attribute("#id_phone", "type") == "tel"


def test_refused_translation_request_takes_the_focus_and_says_so_in_the_title(demo_server, page):
    page.goto(demo_server.url("altona", "/"))
    page.eval_on_selector(".translation-request form input[name=token]", "el => el.value = 'forged'")
    with page.expect_navigation():
        page.click(".translation-request form button[type=submit]")
    assert page.title().startswith("1 Fehler: ")
    assert page.evaluate("document.activeElement && document.activeElement.id") == "error-summary"
