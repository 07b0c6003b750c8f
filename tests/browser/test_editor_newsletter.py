"""Composing and sending a newsletter issue in a real browser, in German, as the Altona
network's editor (not a superuser): blocks that fill themselves from the network → preview →
test send → send, with a confirmation that names the recipient count → live progress in
German → report. Mail goes to a real SMTP server (aiosmtpd on a free port), as in production;
nothing is mocked."""

import html
import re

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from newsletter.tests.conftest import RecordingHandler
from tests.ports import free_port

from .conftest import audit_region, format_violations

SUBJECT = "Neues aus Altona im Dezember"
READERS = [f"leserin{i}@example.org" for i in range(3)]


@pytest.fixture(scope="module")
def smtp_sink():
    """A real SMTP server for the live server's sends (settings are process-wide: the server
    thread sees the override)."""
    from newsletter.smtp import PersistentSmtp

    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            NEWSLETTER_SMTP_HOST="127.0.0.1",
            NEWSLETTER_SMTP_PORT=controller.port,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
        ):
            yield handler
    finally:
        controller.stop()
        if PersistentSmtp._shared is not None:
            PersistentSmtp._shared.smtp = None
        PersistentSmtp._shared = None


@pytest.fixture(scope="module")
def altona_readers(demo_server, django_db_blocker):
    """Three confirmed subscribers of Altona, committed so the server thread sees them; the
    issue and its deliveries go again at the end of the module."""
    from wagtail.models import Site

    from newsletter.models import NewsletterIssue, Subscriber

    with django_db_blocker.unblock():
        site = Site.objects.get(hostname="altona.localhost")
        Subscriber.objects.bulk_create(
            [Subscriber(site=site, email=email, name="Leserin", status=Subscriber.Status.ACTIVE) for email in READERS]
        )
        active = Subscriber.objects.filter(site=site, status=Subscriber.Status.ACTIVE).count()
    yield active
    with django_db_blocker.unblock():
        NewsletterIssue.objects.filter(subject=SUBJECT).delete()
        Subscriber.objects.filter(site=site, email__in=READERS).delete()


def add_block(editor, label):
    editor.locator('[data-contentpath="body"] .c-sf-add-button').last.click()
    editor.get_by_role("option", name=label).click()


def test_editor_composes_previews_tests_sends_and_reads_the_report(
    demo_server, editor, smtp_sink, altona_readers, axe_audit
):
    from wagtail.models import Site

    from home.models import NewsPage

    site = Site.objects.get(hostname="altona.localhost")
    editor.goto(demo_server.url("altona", "/admin/snippets/newsletter/newsletterissue/add/"))
    editor.locator("#id_site").select_option(value=str(site.pk))
    editor.locator("#id_subject").fill(SUBJECT)
    editor.locator("#id_preheader").fill("Sprachcafé, Termine und Ergebnisse")
    add_block(editor, "Meldungen (Anreißer)")
    editor.locator("#body-0-value-fill").fill("2")
    add_block(editor, "Kommende Termine")
    editor.locator("#body-1-value-fill").fill("3")
    add_block(editor, "Ergebnisse aus Sitzungen")
    editor.locator("#body-2-value-fill").fill("2")
    editor.locator("footer .w-dropdown__toggle").click()
    editor.locator('footer button[name="action-publish"]').click()
    editor.locator(".messages .success").first.wait_for()  # no empty page chooser blocks the save

    from newsletter.auto_fill import block_pages
    from newsletter.models import NewsletterIssue

    issue = NewsletterIssue.objects.get(subject=SUBJECT, live=True)
    assert issue.live and issue.send_status == "draft"
    taken = {
        child.block_type: [p.title for p in block_pages(child.block_type, child.value, issue)] for child in issue.body
    }
    assert taken["articles"] and taken["events"], taken  # the blocks found news and events of the network
    editor.goto(demo_server.url("altona", f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/"))
    editor.get_by_role("link", name="Versenden", exact=True).click()  # a header button on the live issue

    # Preview: the automatic blocks took the latest news of the network.
    latest = NewsPage.objects.live().filter(path__startswith=issue.site.root_page.path).order_by("-date").first()
    preview = editor.frame_locator('iframe[title="Vorschau in Desktopbreite"]')
    preview.get_by_text(latest.title).first.wait_for()
    violations = audit_region(editor, axe_audit, ["main", "#main", "form", "progress"])
    assert not violations, format_violations(violations)

    # Test send to a real SMTP server.
    editor.get_by_label("Test senden an").fill("redaktion@example.org")
    editor.get_by_role("button", name="Test senden").click()
    editor.get_by_text("Testmail gesendet an redaktion@example.org").wait_for()
    smtp_sink.wait_for(1)
    (test_mail,) = smtp_sink.to("redaktion@example.org")
    assert test_mail["Subject"].startswith("[Test] ") and SUBJECT in test_mail["Subject"]

    # Send, after a confirmation that names how many people get the mail.
    editor.get_by_role("button", name="Jetzt versenden").click()
    confirmation = editor.locator("#confirm-send-text").inner_text()
    assert f"an {altona_readers} Abonnent" in confirmation, confirmation
    violations = audit_region(editor, axe_audit, ["main", "#main", "form", "#confirm-send-text"])
    assert not violations, format_violations(violations)
    editor.get_by_role("button", name=re.compile(f"Jetzt an {altona_readers} ")).click()
    editor.get_by_text("Versand an").first.wait_for()
    smtp_sink.wait_for(1 + altona_readers)
    for address in READERS:
        (mail,) = smtp_sink.to(address)
        assert mail["Subject"] == SUBJECT
        body = html.unescape(mail.get_body(("html",)).get_content())
        assert latest.title in body
        assert all(title in body for titles in taken.values() for title in titles)

    # The progress bar speaks German, also when it finished.
    editor.reload()
    progress = editor.locator("#newsletter-progress-text").inner_text()
    assert "versendet" in progress and "sent" not in progress.replace("versendet", "")
    editor.get_by_role("link", name="Bericht: Zustellungen nach Status und Fehlschläge").click()
    assert editor.locator("[data-state]").first.inner_text() == "versendet"
    delivered = editor.locator("#status-counts tr", has=editor.get_by_role("rowheader", name="versendet", exact=True))
    assert delivered.locator("td").inner_text() == str(altona_readers)  # every reader got it, none failed
    issue.refresh_from_db()
    assert issue.send_status == "sent"
    violations = audit_region(editor, axe_audit, ["main", "#main", "table", "form"])
    assert not violations, format_violations(violations)
