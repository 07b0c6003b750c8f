"""The sending engine against a real SMTP server (aiosmtpd) and the real database."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from home.models import ActionFieldPage, NewsPage
from newsletter import issue_report, sending, snapshot
from newsletter.models import Delivery, NewsletterIssue, Subscriber

from .conftest import add_subscribers, begin_send, make_issue


def test_send_delivers_one_mail_per_active_subscriber_with_list_unsubscribe(start_send, network, smtp_server, client):
    people = add_subscribers(network.site, 5)
    Subscriber.objects.create(site=network.site, email="waiting@example.org", status=Subscriber.Status.PENDING)
    issue = make_issue(network)

    assert start_send(issue.pk) == 5

    assert sorted(smtp_server.counts().items()) == sorted((p.email, 1) for p in people)
    message = smtp_server.to("person0@example.org")[0]
    assert message["Subject"] == "Neuigkeiten im November"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "mailto:unsubscribe@" in message["List-Unsubscribe"]
    delivery = Delivery.objects.get(issue=issue, subscriber=people[0])
    assert message["Message-ID"] == delivery.message_id
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Hallo Person 0," in text and "Hallo Person 0," in html
    assert "Sprachcafé in nord" in html and "%%" not in html and "%%" not in text
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENT
    report = issue_report.progress(issue)
    assert (report["total"], report["sent"], report["failed"]) == (5, 5, 0)


def test_one_click_unsubscribe_through_the_list_unsubscribe_header(start_send, network, smtp_server, client):
    add_subscribers(network.site, 2)
    issue = make_issue(network)
    start_send(issue.pk)
    header = smtp_server.to("person1@example.org")[0]["List-Unsubscribe"]
    url = header.split("<", 1)[1].split(">", 1)[0]
    assert url.startswith("http://nord.localhost/")

    response = client.post(
        url.removeprefix("http://nord.localhost"), {"List-Unsubscribe": "One-Click"}, HTTP_HOST="nord.localhost"
    )

    assert response.status_code == 200
    assert Subscriber.objects.get(email="person1@example.org").status == Subscriber.Status.UNSUBSCRIBED
    assert Subscriber.objects.get(email="person0@example.org").status == Subscriber.Status.ACTIVE
    # a forged token changes nothing
    forged = url.removeprefix("http://nord.localhost").replace("abmelden/", "abmelden/1", 1)
    assert client.post(forged, HTTP_HOST="nord.localhost").status_code == 400


def test_subscribers_joining_after_the_snapshot_get_nothing(network, smtp_server):
    add_subscribers(network.site, 2)
    issue = make_issue(network)
    with override_settings(CELERY_TASK_ALWAYS_EAGER=True):
        from django.db import transaction

        with transaction.atomic():
            count = snapshot.snapshot_recipients(issue)
    Subscriber.objects.create(site=network.site, email="late@example.org", status=Subscriber.Status.ACTIVE)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_status="sending")
    sending.send_all_now(issue.pk)
    assert count == 2
    assert smtp_server.to("late@example.org") == []
    assert len(smtp_server.messages) == 2


def test_451_retries_with_backoff_then_sends(start_send, network, smtp_server):
    add_subscribers(network.site, 3)
    smtp_server.temp_fail["person1@example.org"] = 1
    issue = make_issue(network)

    start_send(issue.pk)

    delivery = Delivery.objects.get(issue=issue, address="person1@example.org")
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1 and "451" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=30)
    assert smtp_server.to("person1@example.org") == []
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENDING

    # nothing is due yet; once it is, the beat's resume picks it up
    assert sending.send_batch(issue.pk).claimed == 0
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    sending.resume_sends()

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2
    assert len(smtp_server.to("person1@example.org")) == 1
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENT


def test_550_fails_the_delivery_and_suppresses_the_address(start_send, network, smtp_server):
    add_subscribers(network.site, 3)
    smtp_server.hard_fail.add("person2@example.org")
    issue = make_issue(network)

    start_send(issue.pk)

    delivery = Delivery.objects.get(issue=issue, address="person2@example.org")
    assert delivery.status == Delivery.Status.FAILED and delivery.last_error.startswith("550")
    assert Subscriber.objects.get(email="person2@example.org").status == Subscriber.Status.BOUNCED
    assert len(smtp_server.messages) == 2
    assert issue_report.progress(issue)["failed"] == 1
    # the next issue is not sent to the bounced address at all
    second = make_issue(network, subject="Dezember")
    assert start_send(second.pk) == 2


def test_a_refused_mail_does_not_touch_the_mails_overlapping_it(start_send, network, smtp_server):
    """The next mail's envelope is on the wire before the server has answered the previous
    mail's data (PIPELINING): a refusal of that data, for good or for now, is that mail's alone."""
    add_subscribers(network.site, 5)
    smtp_server.data_answers["person1@example.org"] = ["554 5.6.0 Message content rejected"]
    smtp_server.data_answers["person2@example.org"] = ["452 4.3.1 Insufficient system storage"]
    issue = make_issue(network)

    start_send(issue.pk)

    rejected = Delivery.objects.get(issue=issue, address="person1@example.org")
    assert rejected.status == Delivery.Status.FAILED and rejected.last_error.startswith("554 5.6.0")
    assert Subscriber.objects.get(email="person1@example.org").status == Subscriber.Status.ACTIVE  # not a bounce
    later = Delivery.objects.get(issue=issue, address="person2@example.org")
    assert later.status == Delivery.Status.PENDING and later.attempts == 1 and "452" in later.last_error
    assert smtp_server.counts() == {f"person{n}@example.org": 1 for n in (0, 3, 4)}
    assert set(Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).values_list("address", flat=True)) == {
        f"person{n}@example.org" for n in (0, 3, 4)
    }


def test_connection_lost_before_a_mails_answer_retries_that_mail_and_sends_the_next_once(
    start_send, network, smtp_server
):
    """The server drops the connection after a mail's data, before answering, while the next
    mail's envelope is already written: the unanswered mail is retried later, the next one
    goes out on a new connection, once."""
    add_subscribers(network.site, 4)
    smtp_server.data_answers["person1@example.org"] = ["drop"]
    issue = make_issue(network)

    start_send(issue.pk)

    unanswered = Delivery.objects.get(issue=issue, address="person1@example.org")
    assert unanswered.status == Delivery.Status.PENDING and unanswered.attempts == 1
    assert unanswered.next_attempt_at > timezone.now()
    assert smtp_server.counts() == {f"person{n}@example.org": 1 for n in (0, 2, 3)}
    Delivery.objects.filter(pk=unanswered.pk).update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    sending.resume_sends()
    assert smtp_server.counts() == {f"person{n}@example.org": 1 for n in range(4)}


def test_a_failure_while_building_a_mail_does_not_garble_the_next_batch_on_the_connection(
    network, smtp_server, monkeypatch
):
    """The envelope of the mail being built is already on the wire when building it fails: its
    answers would be read by the next batch as if they were its own (and its commands sent as
    mail text). The connection is closed instead; the next batch reconnects and every reader
    gets one intact mail."""

    from newsletter.batch import BatchResult, BatchRun
    from newsletter.smtp import PersistentSmtp, SmtpConfig

    people = add_subscribers(network.site, 4)
    issue = make_issue(network)
    begin_send(issue)
    build = BatchRun.personalise

    def fails_for_the_third(run, row, variant):
        if row["address"] == people[2].email:
            raise RuntimeError("template bug")
        return build(run, row, variant)

    smtp = PersistentSmtp(SmtpConfig.from_settings())  # kept across batches, as a worker does
    monkeypatch.setattr(BatchRun, "personalise", fails_for_the_third)
    with pytest.raises(RuntimeError):
        sending.send_claimed(issue, sending.claim(issue.pk, 10, 60), smtp, BatchResult())
    monkeypatch.setattr(BatchRun, "personalise", build)
    Delivery.objects.filter(issue=issue, status="sending").update(lease_until=timezone.now())  # lease over

    result = sending.send_claimed(issue, sending.claim(issue.pk, 10, 60), smtp, BatchResult())

    assert result.sent == 2
    assert smtp_server.counts() == {person.email: 1 for person in people}
    for person in people:
        body = smtp_server.to(person.email)[0].get_body(("plain",)).get_content()
        assert f"Hallo {person.name}," in body and "MAIL FROM" not in body
    assert set(Delivery.objects.filter(issue=issue).values_list("status", flat=True)) == {"sent"}


def test_topic_filtering_per_recipient(start_send, network, smtp_server):
    other = network.home.add_child(instance=ActionFieldPage(title="Arbeit", slug="arbeit"))
    other.save_revision().publish()
    third = network.home.add_child(instance=ActionFieldPage(title="Wohnen", slug="wohnen"))
    third.save_revision().publish()
    job_news = network.news_index.add_child(
        instance=NewsPage(title="Jobmesse", slug="jobmesse", date=datetime.date(2026, 11, 5))
    )
    job_news.action_fields = [other]
    job_news.save_revision().publish()
    everything, education, work, housing = add_subscribers(network.site, 4)
    education.topics.set([network.field])
    work.topics.set([other])
    housing.topics.set([third])
    issue = make_issue(
        network,
        body=[("articles", {"heading": "Aktuelles", "pages": [network.news, NewsPage.objects.get(pk=job_news.pk)]})],
    )

    assert start_send(issue.pk) == 3  # housing: nothing fits, no delivery at all

    def html(person):
        return smtp_server.to(person.email)[0].get_body(("html",)).get_content()

    assert "Sprachcafé in nord" in html(everything) and "Jobmesse" in html(everything)
    assert "Sprachcafé in nord" in html(education) and "Jobmesse" not in html(education)
    assert "Jobmesse" in html(work) and "Sprachcafé in nord" not in html(work)
    assert smtp_server.to(housing.email) == []


def test_leichte_sprache_edition_gets_the_leichte_sprache_text(start_send, network, smtp_server):
    from accessibility.leichte_sprache_pages import create_leichte_sprache_version

    standard, easy = add_subscribers(network.site, 2)
    Subscriber.objects.filter(pk=easy.pk).update(edition="leichte_sprache")
    easy_news = create_leichte_sprache_version(network.news)  # a draft until it is published
    easy_news.title = "Deutsch üben im Sprach·café"
    easy_news.save_revision().publish()
    issue = make_issue(network)
    start_send(issue.pk)

    easy_text = smtp_server.to(easy.email)[0].get_body(("plain",)).get_content()
    standard_text = smtp_server.to(standard.email)[0].get_body(("plain",)).get_content()
    assert "Hier sind unsere Nachrichten." in easy_text and "Liebe Leserinnen" not in easy_text
    assert "Zur Internet·seite" in easy_text
    assert "Deutsch üben im Sprach·café" in easy_text  # the linked Leichte Sprache page's teaser
    assert "Liebe Leserinnen und Leser" in standard_text and "Hier sind unsere Nachrichten." not in standard_text
    assert "Deutsch üben im Sprach·café" not in standard_text and network.news.title in standard_text


def test_unsubscribed_between_snapshot_and_send_is_suppressed(network, smtp_server):
    people = add_subscribers(network.site, 3)
    issue = make_issue(network)

    begin_send(issue)
    Subscriber.objects.filter(pk=people[0].pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    sending.send_all_now(issue.pk)
    assert smtp_server.to(people[0].email) == []
    assert issue_report.progress(issue)["suppressed"] == 1


def test_pause_resume_and_cancel(network, smtp_server):
    add_subscribers(network.site, 6)
    issue = make_issue(network)

    begin_send(issue)
    sending.send_batch(issue.pk, batch_size=2)
    assert sending.pause(issue.pk) == 1
    assert sending.send_batch(issue.pk).claimed == 0  # paused: workers take nothing
    assert len(smtp_server.messages) == 2
    sending.resume(issue.pk)
    sending.send_batch(issue.pk, batch_size=2)
    assert len(smtp_server.messages) == 4
    assert sending.cancel(issue.pk) == 1
    sending.send_all_now(issue.pk)
    assert len(smtp_server.messages) == 4
    issue.refresh_from_db()
    report = issue_report.progress(issue)
    assert (report["sent"], report["cancelled"], report["status"]) == (4, 2, "cancelled")


def test_expired_lease_is_reclaimed_and_sent_once(network, smtp_server):
    add_subscribers(network.site, 4)
    issue = make_issue(network)

    begin_send(issue)
    claimed = sending.claim(issue.pk, 2, lease_seconds=60).ids  # a worker that then dies
    assert sending.send_batch(issue.pk).claimed == 2  # the other two; the dead worker's are leased
    Delivery.objects.filter(pk__in=claimed).update(lease_until=timezone.now() - datetime.timedelta(seconds=1))
    assert sending.send_batch(issue.pk).claimed == 2
    assert sorted(smtp_server.counts().values()) == [1, 1, 1, 1]


def test_broken_block_gives_a_readable_error_before_sending(start_send, network, smtp_server, admin_client):
    issue = make_issue(network)
    NewsPage.objects.filter(pk=network.news.pk).update(live=False)
    add_subscribers(network.site, 2)

    with pytest.raises(sending.SendError, match="Block 2 .*Sprachcafé in nord.* ist nicht veröffentlicht"):
        start_send(issue.pk)
    response = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/send/")
    assert response.status_code == 200
    assert "ist nicht veröffentlicht" in response.content.decode()
    assert smtp_server.messages == [] and not Delivery.objects.exists()


def test_test_send_fills_placeholders(network, smtp_server, admin_client):
    issue = make_issue(network)
    response = admin_client.post(
        f"/admin/newsletter/issues/{issue.pk}/send/",
        {"action": "test", "addresses": "redaktion@example.org, chef@example.org", "edition": "standard"},
    )
    assert response.status_code == 302
    message = smtp_server.to("chef@example.org")[0]
    assert message["Subject"].startswith("[Test]")
    assert "Hallo Anna Beispiel," in message.get_body(("plain",)).get_content()
    assert not Delivery.objects.exists()


def test_admin_preview_and_progress(network, smtp_server, admin_client, django_capture_on_commit_callbacks):
    add_subscribers(network.site, 3)
    issue = make_issue(network)
    preview = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/preview/")
    assert preview.status_code == 200 and "Sprachcafé in nord" in preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/newsletter/issues/{issue.pk}/send/", {"action": "start", "confirmed": "1"}
        )
    assert response.status_code == 302
    data = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/progress.json").json()
    assert (data["total"], data["sent"], data["status"]) == (3, 3, "sent")
    page = admin_client.get(f"/admin/newsletter/issues/{issue.pk}/send/").content.decode()
    assert "<progress" in page


def test_editor_of_another_network_cannot_send_or_see(two_networks, smtp_server, client):
    issue = make_issue(two_networks.a)
    client.force_login(two_networks.b.editor)
    assert client.get(f"/admin/newsletter/issues/{issue.pk}/send/").status_code in (302, 403)
    assert client.get(f"/admin/newsletter/issues/{issue.pk}/progress.json").status_code in (302, 403)
    listing = client.get("/admin/snippets/newsletter/newsletterissue/")
    assert issue.subject not in listing.content.decode()
    client.force_login(two_networks.a.editor)
    assert client.get(f"/admin/newsletter/issues/{issue.pk}/send/").status_code == 200


def test_send_newsletter_command(network, smtp_server):
    from io import StringIO

    from django.core.management import call_command

    add_subscribers(network.site, 3)
    issue = make_issue(network)
    out = StringIO()
    call_command("send_newsletter", str(issue.pk), "--here", stdout=out)
    assert "sent 3" in out.getvalue()
    assert len(smtp_server.messages) == 3


def test_public_archive_shows_sent_issues_with_print_style(start_send, network, smtp_server, client):
    add_subscribers(network.site, 1)
    issue = make_issue(network)
    draft = make_issue(network, subject="Noch nicht verschickt")
    start_send(issue.pk)
    index = client.get("/newsletter/archiv/", HTTP_HOST="nord.localhost").content.decode()
    assert "Neuigkeiten im November" in index and "Noch nicht verschickt" not in index
    detail = client.get(f"/newsletter/archiv/{issue.pk}/", HTTP_HOST="nord.localhost")
    assert "Sprachcafé in nord" in detail.content.decode() and 'media="print"' in detail.content.decode()
    assert client.get(f"/newsletter/archiv/{draft.pk}/", HTTP_HOST="nord.localhost").status_code == 404
    assert '<article class="newsletter">' in detail.content.decode()  # German in a German frame: no lang

    # read from an Arabic page: an Arabic frame around the German issue, marked as German
    arabic_index = client.get("/ar/newsletter/archiv/", HTTP_HOST="nord.localhost").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic_index
    assert (
        f'<a href="/ar/newsletter/archiv/{issue.pk}/" lang="de" dir="ltr">Neuigkeiten im November</a>' in arabic_index
    )
    arabic = client.get(f"/ar/newsletter/archiv/{issue.pk}/", HTTP_HOST="nord.localhost").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic and '<article class="newsletter" lang="de" dir="ltr">' in arabic


def test_plain_smtp_server_without_pipelining_or_8bitmime(start_send, network, smtp_server):
    smtp_server.pipelining = False
    smtp_server.removed_extensions = {"8BITMIME"}
    smtp_server.temp_fail["person1@example.org"] = 1
    people = add_subscribers(network.site, 3)
    issue = make_issue(network)
    start_send(issue.pk)
    message = smtp_server.to(people[0].email)[0]
    assert message.get_body(("html",))["Content-Transfer-Encoding"] == "quoted-printable"
    assert "Hallo Person 0," in message.get_body(("html",)).get_content()
    assert "Sprachcafé in nord" in message.get_body(("plain",)).get_content()
    assert Delivery.objects.get(address="person1@example.org").status == Delivery.Status.PENDING
    assert len(smtp_server.messages) == 2


def test_archive_survives_a_page_unpublished_after_sending(start_send, network, smtp_server, client):
    add_subscribers(network.site, 1)
    issue = make_issue(network)
    start_send(issue.pk)
    network.news.unpublish()
    response = client.get(f"/newsletter/archiv/{issue.pk}/", HTTP_HOST="nord.localhost")
    assert response.status_code == 200
    assert "Liebe Leserinnen und Leser" in response.content.decode()


def test_snapshot_in_two_steps_reaches_everybody_once(start_send, network, smtp_server):
    """The first rows are committed and sent while the rest of the list is written."""
    people = add_subscribers(network.site, 7)
    issue = make_issue(network)
    with override_settings(NEWSLETTER_SNAPSHOT_FIRST_ROWS=3, NEWSLETTER_BATCH_SIZE=2):
        assert start_send(issue.pk) == 7
    issue.refresh_from_db()
    assert issue.send_status == "sent"
    assert issue.snapshot_after is None
    assert smtp_server.counts() == {p.email: 1 for p in people}


def test_issue_is_not_sent_before_its_snapshot_is_complete(network, smtp_server, django_capture_on_commit_callbacks):
    """The process that began the send died after the first rows: the workers send those, the
    issue stays "sending" (not "sent" to three of seven), and beat writes and sends the rest."""
    people = add_subscribers(network.site, 7)
    issue = make_issue(network)
    count, last = snapshot.insert_deliveries(issue, limit=3)  # what start_send's first step commits
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_status="sending", snapshot_after=last)
    assert sending.send_all_now(issue.pk).sent == 3
    issue.refresh_from_db()
    assert issue.send_status == "sending"
    with django_capture_on_commit_callbacks(execute=True):
        sending.resume_sends()  # beat; tasks run in-process here
    issue.refresh_from_db()
    assert issue.send_status == "sent"
    assert smtp_server.counts() == {p.email: 1 for p in people}


def test_worker_warm_up_loads_the_mail_templates():
    """A new worker process compiles the templates and starts MJML before the first send."""
    from newsletter.rendering import warm_up

    assert warm_up() is True


def test_worker_warm_up_prepares_the_links_in_every_language(monkeypatch):
    """A new worker process reverses the mail's links in every language at start: the first
    batch of the next send finds the URL resolver filled and every language's translations
    loaded (half a second the first recipient would otherwise wait)."""
    from django.conf import settings
    from django.urls import clear_url_caches, get_resolver
    from django.utils.translation import trans_real

    from newsletter.tasks import warm_up

    clear_url_caches()
    monkeypatch.setattr(trans_real, "_translations", {})
    codes = {code for code, _name in settings.LANGUAGES}
    assert not codes & set(get_resolver()._reverse_dict)

    warm_up()

    assert codes <= set(get_resolver()._reverse_dict)
    assert codes <= set(trans_real._translations)


def test_worker_starts_even_when_the_links_cannot_be_reversed(monkeypatch):
    """A broken URL configuration does not keep a worker process from starting (its other
    tasks still run); the first send meets the error itself."""
    from django.urls import NoReverseMatch

    from newsletter import message
    from newsletter.tasks import warm_up

    def broken(*args, **kwargs):
        raise NoReverseMatch("newsletter:unsubscribe")

    monkeypatch.setattr(message, "reverse", broken)
    assert message.warm_up() is False
    warm_up()  # the worker_process_init handler: no exception


def test_deleting_an_issue_or_subscriber_leaves_no_dangling_delivery(start_send, network, smtp_server):
    """The delivery table has no database constraints (they cost the snapshot most of its time):
    Django's cascade and SET_NULL keep it consistent."""
    people = add_subscribers(network.site, 3)
    issue = make_issue(network)
    start_send(issue.pk)
    people[0].delete()
    assert Delivery.objects.filter(issue=issue, subscriber__isnull=True).count() == 1
    NewsletterIssue.objects.get(pk=issue.pk).delete()
    assert not Delivery.objects.filter(issue_id=issue.pk).exists()


def test_a_claim_reaches_the_open_rows_without_walking_past_the_sent_ones(network):
    """A claim halfway through a send finds the next open rows through the index of open rows,
    not by reading every row already sent from the start of the issue (the primary key's order):
    that walk made each claim of a 100,000-mail send ten times slower as the send went on. The
    planner takes it whenever its statistics say the issue is all pending, as right after the
    snapshot; here they say so, and most rows are sent since."""
    from django.db import connection

    from newsletter.claims import claim_statement

    add_subscribers(network.site, 400)
    issue = make_issue(network)
    begin_send(issue)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Delivery._meta.db_table}")
    first = sorted(Delivery.objects.filter(issue=issue).values_list("pk", flat=True))[:300]
    Delivery.objects.filter(pk__in=first).update(status=Delivery.Status.SENT)
    sql, params = claim_statement(issue.pk, 50, 60, timezone.now(), None)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan TO off")  # a table this small would be read whole
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    scans = []

    def walk(node):
        if node.get("Relation Name") == Delivery._meta.db_table and "Index Name" in node:
            scans.append((node["Index Name"], node.get("Index Cond", "")))
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    finding = [name for name, condition in scans if "issue_id" in condition]
    assert finding == ["newsletter_delivery_open"], scans
