"""What an editor sees around a send: the confirmation that names the recipients, the issue
list's status column, the report page with the failures, CSV and "retry failed", the red
banner, the archive and yearly report without failed issues, and the network's own sender."""

import csv
import io
import re

from django.test import override_settings
from django.utils import timezone

from newsletter.models import Delivery, NewsletterIssue, NewsletterSettings, Subscriber
from report.compile import newsletter_issues

from .conftest import add_subscribers, make_issue

SEND = "/admin/newsletter/issues/{}/send/"
REPORT = "/admin/newsletter/issues/{}/report/"
CSV = "/admin/newsletter/issues/{}/failures.csv"
LIST = "/admin/snippets/newsletter/newsletterissue/"


def answer_all_with(smtp_server, reply):
    """The relay refuses every recipient with ``reply`` (e.g. a misconfigured server's 500)
    until the returned ``fixed()`` is called."""
    broken = [True]
    accept = smtp_server.handle_RCPT

    async def refuse(server, session, envelope, address, rcpt_options):
        if broken[0]:
            return reply
        return await accept(server, session, envelope, address, rcpt_options)

    smtp_server.handle_RCPT = refuse
    return lambda: broken.clear() or broken.append(False)


def send_confirmed(client, issue, capture):
    with capture(execute=True):
        return client.post(SEND.format(issue.pk), {"action": "start", "confirmed": "1"})


def test_send_now_asks_first_and_names_the_number_of_recipients(network, smtp_server, client):
    client.force_login(network.editor)
    add_subscribers(network.site, 3)
    Subscriber.objects.create(site=network.site, email="pending@example.org", status=Subscriber.Status.PENDING)
    issue = make_issue(network)

    page = client.post(SEND.format(issue.pk), {"action": "start"})

    assert page.status_code == 200
    text = page.content.decode()
    assert "wird jetzt an 3 Abonnent*innen verschickt" in text and "Jetzt an 3 Abonnent*innen versenden" in text
    assert not Delivery.objects.exists() and smtp_server.messages == []
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.DRAFT


def test_a_send_where_every_mail_fails_is_red_explained_retryable_and_not_published(
    network, smtp_server, client, django_capture_on_commit_callbacks
):
    client.force_login(network.editor)
    people = add_subscribers(network.site, 3)
    issue = make_issue(network)
    fixed = answer_all_with(smtp_server, "500 5.3.0 Relay misconfigured")

    assert send_confirmed(client, issue, django_capture_on_commit_callbacks).status_code == 302

    page = client.get(SEND.format(issue.pk)).content.decode()
    assert 'class="help-block help-critical"' in page
    assert "Keine der 3 Mails wurde zugestellt" in page and "500 5.3.0 Relay misconfigured" in page
    assert 'data-state="failed"' in page
    report = client.get(REPORT.format(issue.pk)).content.decode()
    assert "pe***@example.org" in report and "person0@example.org" not in report
    assert "Relay misconfigured" in report and "<td>500</td>" in report
    assert "3 fehlgeschlagene Mails erneut senden" in report
    # not in the public archive, not in the yearly report
    archive = client.get("/newsletter/archiv/", HTTP_HOST="nord.localhost").content.decode()
    assert issue.subject not in archive
    assert client.get(f"/newsletter/archiv/{issue.pk}/", HTTP_HOST="nord.localhost").status_code == 404
    assert newsletter_issues(network.site, timezone.now().year) == []

    # the relay is fixed: "retry failed" delivers them and the issue becomes a sent issue
    fixed()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REPORT.format(issue.pk), {"action": "retry"})
    assert response.status_code == 302
    assert sorted(smtp_server.counts()) == sorted(p.email for p in people)
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENT
    assert "help-critical" not in client.get(SEND.format(issue.pk)).content.decode()
    archive = client.get("/newsletter/archiv/", HTTP_HOST="nord.localhost").content.decode()
    assert issue.subject in archive
    assert [i["subject"] for i in newsletter_issues(network.site, timezone.now().year)] == [issue.subject]


def test_failure_table_filters_and_csv_without_formulas(network, smtp_server, client, start_send):
    client.force_login(network.editor)
    add_subscribers(network.site, 2)
    Subscriber.objects.create(site=network.site, email="=cmd@example.org", status=Subscriber.Status.ACTIVE)
    smtp_server.hard_fail.update({"person1@example.org", "=cmd@example.org"})
    issue = make_issue(network)
    start_send(issue.pk)

    page = client.get(REPORT.format(issue.pk)).content.decode()
    assert "=c***@example.org" in page and "pe***@example.org" in page
    assert "No such user here" in page
    assert "erneut senden" not in page  # hard bounces suppressed the addresses: nothing to retry
    only_person = client.get(REPORT.format(issue.pk), {"q": "person"}).content.decode()
    assert "=c***@example.org" not in only_person and "pe***@example.org" in only_person
    only_451 = client.get(REPORT.format(issue.pk), {"code": "451"}).content.decode()
    assert 'id="failures"' not in only_451 and "Keine fehlgeschlagenen Mails." in only_451

    response = client.get(CSV.format(issue.pk))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Adresse", "SMTP-Code", "Antwort des Mailservers", "Versuche"]
    assert sorted(r[0] for r in rows[1:]) == ["'=c***@example.org", "pe***@example.org"]
    assert {(r[1], r[3]) for r in rows[1:]} == {("550", "1")}


def test_editor_of_another_network_gets_404_for_the_report_csv_and_retry(two_networks, smtp_server, client):
    issue = make_issue(two_networks.a)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_status=NewsletterIssue.SendStatus.SENT)
    client.force_login(two_networks.b.editor)
    assert client.get(REPORT.format(issue.pk)).status_code == 404
    assert client.get(CSV.format(issue.pk)).status_code == 404
    assert client.post(REPORT.format(issue.pk), {"action": "retry"}).status_code == 404
    client.force_login(two_networks.a.editor)
    assert client.get(REPORT.format(issue.pk)).status_code == 200


@override_settings(NEWSLETTER_RETRY_BASE_SECONDS=0)
def test_without_a_worker_a_451_still_finishes_through_the_progress_poll(
    network, smtp_server, client, django_capture_on_commit_callbacks
):
    """``make run``: tasks run in-process and no beat runs."""
    client.force_login(network.editor)
    add_subscribers(network.site, 2)
    smtp_server.temp_fail["person1@example.org"] = 1
    issue = make_issue(network)
    send_confirmed(client, issue, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENDING

    progress = client.get(f"/admin/newsletter/issues/{issue.pk}/progress.json").json()

    assert (progress["status"], progress["sent"], progress["total"]) == ("sent", 2, 2)
    assert len(smtp_server.to("person1@example.org")) == 1


def test_issue_list_shows_status_and_sent_date_and_hides_empty_autosaves(network, client):
    client.force_login(network.editor)
    draft = make_issue(network, subject="Januar in Arbeit", publish=False)
    NewsletterIssue.objects.filter(pk=draft.pk).update(live=False)  # as the admin saves a draft
    make_issue(network, subject="Bereit Februar")
    sending = make_issue(network, subject="Läuft März")
    NewsletterIssue.objects.filter(pk=sending.pk).update(send_status="sending")
    subscribers = add_subscribers(network.site, 2)
    Delivery.objects.create(issue=sending, subscriber=subscribers[0], address="a@example.org", status="sent")
    Delivery.objects.create(issue=sending, subscriber=subscribers[1], address="b@example.org", status="pending")
    sent = make_issue(network, subject="Versandt April")
    NewsletterIssue.objects.filter(pk=sent.pk).update(
        send_status="sent",
        send_finished_at=timezone.datetime(2026, 4, 7, 9, 30, tzinfo=timezone.get_current_timezone()),
    )
    Delivery.objects.create(issue=sent, subscriber=subscribers[0], address="a@example.org", status="sent")
    failed = make_issue(network, subject="Gescheitert Mai")
    NewsletterIssue.objects.filter(pk=failed.pk).update(send_status="sent", send_finished_at=timezone.now())
    Delivery.objects.create(issue=failed, subscriber=subscribers[0], address="a@example.org", status="failed")
    # what autosave leaves behind when an editor opens "new issue", types a subject and leaves
    abandoned = NewsletterIssue(site=network.site, subject="Newsletter Dezember 2026", live=False)
    abandoned.save()
    abandoned.save_revision()

    rows = {
        subject: row
        for row in client.get(LIST).content.decode().split("<tr")
        for subject in ("Januar in Arbeit", "Bereit Februar", "Läuft März", "Versandt April", "Gescheitert Mai")
        if subject in row
    }

    assert "Entwurf" in rows["Januar in Arbeit"]
    assert "bereit zum Versand" in rows["Bereit Februar"]
    assert "wird versendet (50 %)" in rows["Läuft März"]
    assert "versendet" in rows["Versandt April"] and "7. April 2026" in rows["Versandt April"]
    assert "fehlgeschlagen" in rows["Gescheitert Mai"]
    assert "Newsletter Dezember 2026" not in client.get(LIST).content.decode()


def test_a_network_without_a_sender_cannot_send_and_is_told_why(network, smtp_server, client):
    NewsletterSettings.objects.filter(site=network.site).update(sender_name="", sender_email="")
    client.force_login(network.editor)
    add_subscribers(network.site, 1)
    issue = make_issue(network)

    page = client.get(SEND.format(issue.pk)).content.decode()
    assert "Tragen Sie vor dem ersten Versand einen Absendernamen und eine Absenderadresse" in page
    response = client.post(SEND.format(issue.pk), {"action": "start", "confirmed": "1"})
    assert "Absenderadresse" in response.content.decode()
    assert not Delivery.objects.exists() and smtp_server.messages == []


def test_message_id_and_unsubscribe_mailto_use_the_network_sender_domain(network, smtp_server, start_send):
    add_subscribers(network.site, 1)
    issue = make_issue(network)
    start_send(issue.pk)
    (message,) = smtp_server.messages[0][1:]
    assert message["From"] == "Netzwerk nord <newsletter@nord.example.org>"
    assert message["Message-ID"].endswith("@nord.example.org>")
    assert "mailto:unsubscribe@nord.example.org" in message["List-Unsubscribe"]
    assert "@localhost" not in message["Message-ID"] + message["List-Unsubscribe"]


def test_the_live_progress_bar_speaks_german(network, client):
    client.force_login(network.editor)
    issue = make_issue(network)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_status="sending", send_started_at=timezone.now())
    subscribers = add_subscribers(network.site, 3)
    for subscriber, status in zip(subscribers, ["sent", "failed", "pending"], strict=True):
        Delivery.objects.create(issue=issue, subscriber=subscriber, address=subscriber.email, status=status)

    html = client.get(SEND.format(issue.pk)).content.decode()

    assert 'aria-label="Versandfortschritt"' in html and 'max="3" value="2"' in html
    text = html.split('id="newsletter-progress-text" aria-live="polite">', 1)[1].split("</p>", 1)[0]
    words = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    assert words.startswith("wird versendet (67 %) · versendet 1 / 3 · fehlgeschlagen 1 · unterdrückt 0")
    assert "Restzeit" in words and "Abmeldungen seitdem 0" in words
    for english in ("sent", "failed", "suppressed", "time left", "sending"):
        assert not re.search(rf"\b{english}\b", words), english
    progress = client.get(f"/admin/newsletter/issues/{issue.pk}/progress.json").json()
    assert (progress["done"], progress["total"]) == (2, 3)  # what the bar shows while it polls
