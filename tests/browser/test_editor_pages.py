"""Editor tasks with pages, in a real browser, in German, as the Altona network's editor (not a
superuser): a news item, a weekly event, a meeting with minutes and results, and a Leichte
Sprache version whose checker findings show while writing. Each page is created in Wagtail's
editor, published, and then read on the public site, as a reader would see it.

The tests of this module share one logged-in browser context (``editor``); what they create
is removed again at the end of the module."""

import pytest
from playwright.sync_api import expect

from .conftest import audit_region, format_violations

pytestmark = pytest.mark.usefixtures("remove_created_pages")

TITLES = (
    "Sprachcafé am Markt",
    "Nähcafé für alle",
    "Sitzung Dezember",
    "Sitzung Januar",
    "Sprachcafé am Markt – Leichte Sprache",
)


@pytest.fixture(scope="module")
def remove_created_pages(demo_server, django_db_blocker):
    yield
    from wagtail.models import Page

    with django_db_blocker.unblock():
        for page in Page.objects.filter(title__in=TITLES).order_by("-depth"):
            page.delete()


def altona_page(model):
    from wagtail.models import Site

    root = Site.objects.get(hostname="altona.localhost").root_page
    return model.objects.descendant_of(root).order_by("path").first()


def publish(editor):
    """Publish from the editor's footer: the publish action sits in the "More actions" menu."""
    editor.locator("footer .w-dropdown__toggle").click()
    editor.locator('footer button[name="action-publish"]').click()
    editor.locator(".messages .success").first.wait_for()


def type_into(editor, field, text):
    """Type into a rich text (Draftail) field of the form."""
    box = editor.locator(f'[data-contentpath="{field}"] [contenteditable="true"]').first
    box.click()
    editor.keyboard.type(text)


def fill_date(editor, selector, value):
    editor.locator(selector).fill(value)
    editor.keyboard.press("Escape")  # closes the date picker that opened over the next fields


def start_meeting(demo_server, editor, title, start):
    """Open a new meeting below Altona's round table with its title, start and place filled in."""
    from home.models import RoundTablePage

    round_table = altona_page(RoundTablePage)
    editor.goto(demo_server.url("altona", f"/admin/pages/add/home/meetingpage/{round_table.pk}/"))
    editor.get_by_role("heading", name="Wann und wo").wait_for()
    editor.locator("#id_title").fill(title)
    fill_date(editor, "#id_start", start)
    editor.locator("#id_location_name").fill("Rathaus Altona")


def test_editor_creates_and_publishes_news_with_an_ascii_slug(demo_server, editor, axe_audit):
    from home.models import NewsIndexPage, NewsPage

    index = altona_page(NewsIndexPage)
    editor.goto(demo_server.url("altona", f"/admin/pages/{index.pk}/"))
    add_child = editor.get_by_role("link", name="Unterseite hinzufügen").first
    assert "Unterseite hinzufügen" in add_child.inner_text()  # words shown, not an icon-only "+"
    editor.goto(demo_server.url("altona", f"/admin/pages/add/home/newspage/{index.pk}/"))
    editor.get_by_role("heading", name="Neu: Nachricht").wait_for()
    editor.locator("#id_title").fill("Sprachcafé am Markt")
    editor.locator("#id_teaser").fill("Jeden Dienstag üben wir gemeinsam Deutsch – ohne Anmeldung.")
    editor.get_by_role("tab", name="Veröffentlichung").click()
    # The title writes the slug 100 ms after the editor leaves it (Wagtail's w-sync waits that
    # long): look for it as an editor would, not at the instant of the click.
    expect(editor.locator("#id_slug")).to_have_value("sprachcafe-am-markt")
    editor.get_by_role("tab", name="Inhalt").click()
    publish(editor)
    assert "veröffentlicht" in editor.locator(".messages").inner_text()

    news = NewsPage.objects.get(title="Sprachcafé am Markt")
    assert news.live and news.slug == "sprachcafe-am-markt"
    editor.goto(demo_server.page_url(news))
    assert editor.locator("h1").inner_text() == "Sprachcafé am Markt"
    assert "/sprachcafe-am-markt/" in editor.url


def test_editor_creates_a_weekly_event_readers_find_every_week(demo_server, editor):
    from home.models import EventIndexPage, EventPage

    index = altona_page(EventIndexPage)
    editor.goto(demo_server.url("altona", f"/admin/pages/add/home/eventpage/{index.pk}/"))
    editor.get_by_role("heading", name="Wann").first.wait_for()
    editor.locator("#id_title").fill("Nähcafé für alle")
    fill_date(editor, "#id_start", "2026-12-08 15:00")
    fill_date(editor, "#id_end", "2026-12-08 17:00")
    editor.get_by_label("Wiederholung", exact=True).select_option(label="jede Woche")
    fill_date(editor, "#id_recurrence_until", "2027-01-26")
    editor.locator("#id_location_name").fill("Stadtteilzentrum Altona")
    editor.locator("#id_city").fill("Hamburg")
    publish(editor)

    event = EventPage.objects.get(title="Nähcafé für alle")
    assert event.live and event.recurrence == "weekly"
    editor.goto(demo_server.page_url(event))
    when = editor.locator("dd").first.inner_text()
    assert "jede Woche" in when and "26. Januar 2027" in when
    editor.goto(demo_server.page_url(index))
    occurrences = editor.locator("main", has_text="Nähcafé für alle").get_by_text("Nähcafé für alle")
    assert occurrences.count() >= 2  # the calendar lists the coming Tuesdays, not one date


def test_editor_documents_a_meeting_with_minutes_and_results(demo_server, editor):
    from home.models import MeetingPage

    start_meeting(demo_server, editor, "Sitzung Dezember", "2026-12-01 18:00")
    editor.locator("#id_status").select_option(label="dokumentiert")
    type_into(editor, "minutes", "Wir haben über Wohnungen für Geflüchtete gesprochen.")
    results = editor.locator('[data-contentpath="results"]')
    results.get_by_role("button", name="Einfügen").first.click()
    editor.locator("#results-0-value-text").fill("Mehr Sprachkurse am Abend")
    editor.locator("#results-0-value-kind").select_option("demand")
    editor.locator("#results-0-value-addressee").fill("Bezirksamt Altona")
    publish(editor)

    meeting = MeetingPage.objects.get(title="Sitzung Dezember")
    assert meeting.live and meeting.status == "documented"
    editor.goto(demo_server.page_url(meeting))
    main = editor.locator("main").inner_text()
    assert "Wir haben über Wohnungen für Geflüchtete gesprochen." in main
    assert "Forderung: Mehr Sprachkurse am Abend" in main
    assert "Bezirksamt Altona" in main


def test_minutes_typed_right_before_saving_are_saved(demo_server, editor):
    """Draftail writes its text into the form only 250 ms after the last keystroke; Ctrl+S (or a
    quick publish) right after typing must still send all of it (home/static/home/rich_text_submit.js).
    Without that, the CI run published a meeting without its minutes."""
    from home.models import MeetingPage

    start_meeting(demo_server, editor, "Sitzung Januar", "2027-01-12 18:00")
    type_into(editor, "minutes", "Nächstes Mal sprechen wir über die Kita.")
    editor.keyboard.press("Control+s")  # Wagtail's shortcut for "Entwurf speichern"
    editor.locator(".messages .success").first.wait_for()

    minutes = editor.locator('[data-contentpath="minutes"] [contenteditable="true"]').first
    expect(minutes).to_contain_text("Nächstes Mal sprechen wir über die Kita.")
    draft = MeetingPage.objects.get(title="Sitzung Januar").get_latest_revision_as_object()
    assert "Nächstes Mal sprechen wir über die Kita." in draft.minutes


def test_editor_writes_a_leichte_sprache_version_and_sees_the_checker_findings(demo_server, editor, axe_audit):
    from home.models import NewsPage

    news = NewsPage.objects.filter(title="Sprachcafé am Markt").first() or altona_page(NewsPage)
    editor.goto(demo_server.url("altona", f"/admin/pages/{news.pk}/edit/"))
    editor.get_by_role("link", name="Barrierefreie Versionen").click()  # a header button, not hidden in "…"
    editor.get_by_role("heading", name="Erstellte Varianten").wait_for()
    violations = audit_region(editor, axe_audit, ["#variants-heading", "section", "main"])
    assert not violations, format_violations(violations)
    editor.get_by_role("button", name="Version in Leichter Sprache anlegen").click()
    editor.wait_for_url("**/edit/")
    panel = editor.locator(".leichte-sprache-panel")
    panel.locator("#ls-panel-heading").wait_for()  # the panel listens for typing from here on
    editor.locator("#id_title").fill(f"{news.title} – Leichte Sprache")
    editor.locator("#id_teaser").fill(
        "Das Sprach·café ist jeden Dienstag, und dort können alle Menschen, die Deutsch lernen möchten, "
        "ohne Anmeldung und ohne Kosten zusammen mit anderen Menschen aus dem Stadtteil Deutsch sprechen."
    )
    panel.locator("ol li").first.wait_for()
    text = panel.inner_text()
    assert "Hinweise" in text and "Flesch-Amstad" in text
    assert "line_per_sentence" not in text and "sentence_length" not in text  # rule names, not ids
    assert panel.locator("mark").count() >= 1  # the finding is highlighted in the checked text
    violations = audit_region(editor, axe_audit, [".leichte-sprache-panel"])
    assert not violations, format_violations(violations)
