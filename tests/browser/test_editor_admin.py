"""Editor tasks of issue 13 around the pages, in a real browser, in German, as the Altona
network's editor (not a superuser; ``editor`` from conftest, one login per module): a CSV import
whose error names the network's topics, a yearly report built and downloaded as a PDF, a
translation asked for with wagtail-localize, and axe-core on every admin view of ours.
(News, events, meetings, Leichte Sprache and the newsletter flow are in test_editor_pages.py.)

Whatever the server must see is committed by module fixtures, never inside a test (a test's
transaction is invisible to the live server's thread)."""

import csv
import io

import pytest
from django.utils import timezone

from .conftest import format_violations

HOST = "altona.localhost"
TRANSLATED_TITLE = "Sprachcafé am Hafen"


@pytest.fixture(scope="module")
def altona(demo_server, django_db_blocker):
    """The Altona site, with a subscriber (for the subscriber views) and a news item to
    translate; at the end nothing the tests added is left, translations included (they live in
    a tree per language, outside the German one)."""
    from wagtail.models import Locale, Page, Site

    from home.models import NewsIndexPage, NewsPage
    from newsletter.models import Subscriber

    with django_db_blocker.unblock():
        site = Site.objects.get(hostname=HOST)
        keys = set(Page.objects.descendant_of(site.root_page, inclusive=True).values_list("translation_key", flat=True))
        reader = Subscriber.objects.create(
            site=site,
            email="leserin-admin@example.org",
            name="Leserin",
            status=Subscriber.Status.ACTIVE,
            consent_at=timezone.now(),
            consent_source=Subscriber.ConsentSource.ADMIN,
            consent_note="Browser-Test",
        )
        news_index = NewsIndexPage.objects.descendant_of(site.root_page).get()
        news = news_index.add_child(
            instance=NewsPage(title=TRANSLATED_TITLE, teaser="Wir üben Deutsch am Hafen.", date=timezone.localdate())
        )
        news.save_revision().publish()
        keys.add(news.translation_key)
    yield site
    with django_db_blocker.unblock():
        from report.models import YearlyReport

        # The translation and the ancestors wagtail-localize copied into the English tree.
        default = Locale.get_default()
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=default).order_by("-depth"):
            page.delete()
        Page.objects.get(pk=news.pk).delete()
        YearlyReport.objects.filter(site=site).delete()
        reader.delete()


def url(demo_server, path):
    return demo_server.url("altona", path)


def our_violations(editor, axe_audit, selector="main"):
    """axe's WCAG A/AA violations inside ``selector`` (our markup; Wagtail's sidebar is not ours)."""
    inside = editor.evaluate(
        """(sel) => { const root = document.querySelector(sel); window.__ours = root; return !!root; }""", selector
    )
    assert inside, f"{selector} not on the page"
    # Wagtail's messages fade in: axe would measure the contrast of a half-transparent banner.
    # (Polled from here: wait_for_function would evaluate a string, which our strict CSP forbids.)
    for _attempt in range(50):
        if editor.evaluate(_MESSAGES_SETTLED):
            break
        editor.wait_for_timeout(100)
    problems = []
    for violation in axe_audit(editor):
        nodes = [n for n in violation["nodes"] if editor.evaluate(_IN_ROOT, n["target"])]
        if nodes:
            problems.append({**violation, "nodes": nodes})
    return problems


_MESSAGES_SETTLED = """() => [...document.querySelectorAll('.messages, .messages *')]
  .every((el) => el.getAnimations().every((a) => a.playState !== 'running'))"""

_IN_ROOT = """(target) => {
  let node = document;
  for (const part of target) {
    if (Array.isArray(part)) return false;  // inside a shadow root or frame: not our template
    node = node.querySelector(part);
    if (!node) return false;
  }
  return window.__ours.contains(node);
}"""


def test_csv_import_error_lists_the_networks_topics(editor, demo_server, altona, axe_audit):
    from newsletter.forms import site_topics
    from newsletter.models import Subscriber

    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["email", "consent", "topics"])
    writer.writerow(["tarik@example.org", "ja", "Fußball"])
    editor.goto(url(demo_server, "/admin/newsletter/subscribers/import/"))
    violations = our_violations(editor, axe_audit)
    assert not violations, format_violations(violations)
    editor.locator("#id_site").select_option(str(altona.pk))
    editor.locator("#id_file").set_input_files(
        {"name": "abonnenten.csv", "mimeType": "text/csv", "buffer": rows.getvalue().encode()}
    )
    editor.get_by_role("button", name="Importieren").click()
    alert = editor.get_by_role("alert").filter(has_text="Zeile 2")
    text = alert.inner_text()
    assert "unbekannte Themen: Fußball. Die Themen dieses Netzwerks sind:" in text
    for topic in site_topics(altona):
        assert topic.slug in text
    assert not Subscriber.objects.filter(email="tarik@example.org").exists()
    violations = our_violations(editor, axe_audit)
    assert not violations, format_violations(violations)


def test_yearly_report_is_built_and_offered_for_download(editor, demo_server, altona, axe_audit):
    editor.goto(url(demo_server, "/admin/reports/"))
    violations = our_violations(editor, axe_audit)
    assert not violations, format_violations(violations)
    editor.locator("#id_site").select_option(str(altona.pk))
    editor.locator("#id_year").select_option(str(timezone.localdate().year))
    editor.get_by_role("button", name="Bericht erstellen").click()
    download_link = editor.locator(".report-download a").first
    download_link.wait_for(timeout=90_000)
    with editor.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_editor_asks_for_a_translation_and_gets_the_translation_editor(editor, demo_server, altona):
    from home.models import NewsPage

    news = NewsPage.objects.descendant_of(altona.root_page).get(title=TRANSLATED_TITLE)
    editor.goto(url(demo_server, f"/admin/pages/{news.pk}/edit/"))
    editor.locator("a.w-header-button", has_text="Übersetzen").click()  # a header button, not in "…"
    editor.wait_for_url("**/localize/submit/page/**")
    editor.get_by_label("Englisch").check()
    editor.get_by_role("button", name="Absenden").click()
    editor.wait_for_url(lambda address: "/localize/submit/" not in address)
    assert "/admin/" in editor.url, editor.url
    # wagtail-localize's editor: the German source of each text beside its translation field
    editor.get_by_text(TRANSLATED_TITLE).first.wait_for(timeout=30_000)
    editor.get_by_text("Wir üben Deutsch am Hafen.").first.wait_for()
    translation = NewsPage.objects.get(translation_key=news.translation_key, locale__language_code="en")
    assert f"/pages/{translation.pk}/edit/" in editor.url


OUR_VIEWS = [
    "/admin/",  # dashboard panels
    "/admin/my-api-tokens/",
    "/admin/reports/",
    "/admin/reports/translation-requests/",
    "/admin/accessibility/reports/missing-leichte-sprache/",
    "/admin/newsletter/subscribers/import/",
    "/admin/snippets/newsletter/subscriber/add/",
    "/admin/anmeldesicherheit/",
]


def test_axe_finds_nothing_on_our_admin_views(editor, demo_server, altona, axe_audit):
    from home.models import NewsPage
    from newsletter.models import NewsletterIssue, Subscriber

    subscriber = Subscriber.objects.get(site=altona, email="leserin-admin@example.org")
    news = NewsPage.objects.descendant_of(altona.root_page).get(title=TRANSLATED_TITLE)
    paths = OUR_VIEWS + [
        f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/",
        f"/admin/newsletter/subscribers/{subscriber.pk}/erase/",
        f"/admin/accessibility/pages/{news.pk}/",
    ]
    issue = NewsletterIssue.objects.filter(site=altona).order_by("pk").first()
    if issue is not None:
        paths += [f"/admin/newsletter/issues/{issue.pk}/send/", f"/admin/newsletter/issues/{issue.pk}/report/"]
    problems = {}
    for path in paths:
        response = editor.goto(url(demo_server, path))
        assert response.status == 200, path
        selector = ".miteinander-dashboard" if path == "/admin/" else "main"
        if violations := our_violations(editor, axe_audit, selector):
            problems[path] = format_violations(violations)
    assert not problems, "\n".join(f"{path}\n{text}" for path, text in problems.items())
