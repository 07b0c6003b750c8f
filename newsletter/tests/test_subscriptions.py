"""Double opt-in, preferences, unsubscribing, API, CSV, DSGVO export/erase, webhooks, digest."""

import datetime
import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from newsletter import digest, issue_report
from newsletter.models import Delivery, NewsletterIssue, NewsletterSettings, Subscriber
from newsletter.webhooks import apply_tracking_event

from .conftest import add_subscribers, make_issue

HOST = {"HTTP_HOST": "nord.localhost"}
SMTP_BACKEND = override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")


def _form(email, **extra):
    data = {
        "email": email,
        "name": "Ada",
        "edition": "leichte_sprache",
        "language": "de",
        "consent": "on",
        "website": "",
    }
    data.update(extra)
    return data


def _link_from(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"http://nord\.localhost(/newsletter/bestaetigen/\S+/)", text).group(1)


@SMTP_BACKEND
def test_double_opt_in_round_trip_through_the_captured_mail(network, smtp_server, client):
    response = client.post("/newsletter/", _form("Ada@Example.org", topics=[network.field.pk]), **HOST)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email="ada@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    [message] = smtp_server.to("ada@example.org")
    link = _link_from(message)

    # a link scanner's GET changes nothing
    assert "<form" in client.get(link, **HOST).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    confirmed = client.post(link, **HOST)
    assert confirmed.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.consent_source == "form" and subscriber.consent_at is not None
    assert subscriber.consent_text_version == "1" and subscriber.consent_ip is None
    assert list(subscriber.topics.values_list("pk", flat=True)) == [network.field.pk]
    assert subscriber.edition == "leichte_sprache"


@SMTP_BACKEND
def test_same_answer_for_new_and_active_addresses_and_no_change_to_active(network, smtp_server, client):
    Subscriber.objects.create(
        site=network.site, email="known@example.org", name="Known", status="active", edition="standard"
    )
    new = client.post("/newsletter/", _form("new@example.org"), **HOST)
    known = client.post("/newsletter/", _form("known@example.org"), **HOST)

    def strip(response):  # what the person reads: heading and message
        content = response.content.decode()
        return re.search(r"<h1>.*?</h1>", content, re.S).group(0), re.search(
            r'<p role="status">.*?</p>', content, re.S
        ).group(0)

    assert new.status_code == known.status_code == 200
    assert strip(new) == strip(known)
    assert smtp_server.to("known@example.org") == []
    known_sub = Subscriber.objects.get(email="known@example.org")
    assert (known_sub.name, known_sub.edition) == ("Known", "standard")


def test_expired_or_forged_confirmation_link(network, client):
    from newsletter.subscriptions import subscribe
    from newsletter.tokens import confirm_token

    subscriber = subscribe(network.site, "late@example.org")
    token = confirm_token(subscriber)
    with override_settings(NEWSLETTER_CONFIRM_MAX_AGE=-1):
        response = client.post(f"/newsletter/bestaetigen/{token}/", **HOST)
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    assert client.post(f"/newsletter/bestaetigen/{token[:-2]}xx/", **HOST).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_rate_limits_per_address_and_per_client(network, client, mailoutbox):
    for _ in range(5):
        client.post("/newsletter/", _form("target@example.org"), REMOTE_ADDR="10.0.0.1", **HOST)
    assert len(mailoutbox) == 3  # per address: no more confirmation mails than the limit
    responses = [
        client.post("/newsletter/", _form(f"p{i}@example.org"), REMOTE_ADDR="10.0.0.2", **HOST).status_code
        for i in range(12)
    ]
    assert responses[:10] == [200] * 10 and responses[10:] == [429, 429]


def test_honeypot_sends_nothing(network, client, mailoutbox):
    response = client.post("/newsletter/", _form("bot@example.org", website="http://spam"), **HOST)
    assert response.status_code == 200
    assert mailoutbox == [] and not Subscriber.objects.filter(email="bot@example.org").exists()


def test_form_without_consent_shows_a_clear_error(network, client, mailoutbox):
    data = _form("x@example.org")
    del data["consent"]
    response = client.post("/newsletter/", data, **HOST)
    html = response.content.decode()
    assert response.status_code == 400 and 'id="error-summary"' in html
    assert "Bitte stimmen Sie dem Empfang des Newsletters zu." in html
    assert mailoutbox == []


def test_store_ip_only_when_the_site_enables_it(network, client):
    from newsletter.subscriptions import confirm, subscribe
    from newsletter.tokens import confirm_token

    settings_ = NewsletterSettings.for_site(network.site)
    settings_.store_consent_ip = True
    settings_.save()
    subscriber = subscribe(network.site, "ip@example.org", client_ip="192.0.2.7")
    confirm(confirm_token(subscriber))
    subscriber.refresh_from_db()
    assert subscriber.consent_ip == "192.0.2.7" and subscriber.status == "active"


def test_api_subscribe_is_in_the_schema_and_starts_double_opt_in(network, client, mailoutbox):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/newsletter/subscribe/" in schema["paths"]
    response = client.post(
        "/api/v3/newsletter/subscribe/?site=nord.localhost",
        data=json.dumps({"email": "api@example.org", "topics": [network.field.pk]}),
        content_type="application/json",
    )
    assert response.status_code == 202
    subscriber = Subscriber.objects.get(email="api@example.org")
    assert subscriber.status == "pending" and subscriber.consent_source == "api"
    assert len(mailoutbox) == 1
    bad = client.post(
        "/api/v3/newsletter/subscribe/?site=nord.localhost",
        data=json.dumps({"email": "nope"}),
        content_type="application/json",
    )
    assert bad.status_code == 400


def test_api_progress_needs_a_token_of_the_network(two_networks, smtp_server, client, start_send):
    add_subscribers(two_networks.a.site, 2)
    issue = make_issue(two_networks.a)
    start_send(issue.pk)
    url = f"/api/v3/newsletter/issues/{issue.pk}/progress/"
    assert client.get(url).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {two_networks.b.token}").status_code == 404
    data = client.get(url, HTTP_AUTHORIZATION=f"Bearer {two_networks.a.token}").json()
    assert (data["total"], data["sent"], data["status"]) == (2, 2, "sent")


def test_preferences_and_unsubscribe_pages(network, client):
    from newsletter.tokens import manage_token

    subscriber = Subscriber.objects.create(site=network.site, email="p@example.org", status="active")
    token = manage_token(subscriber.pk)
    page = client.get(f"/newsletter/einstellungen/{token}/", **HOST)
    assert page.status_code == 200 and "Bildung" in page.content.decode()
    client.post(
        f"/newsletter/einstellungen/{token}/",
        {"name": "Pia", "edition": "leichte_sprache", "language": "en", "topics": [network.field.pk]},
        **HOST,
    )
    subscriber.refresh_from_db()
    assert (subscriber.name, subscriber.edition, subscriber.language) == ("Pia", "leichte_sprache", "en")
    assert subscriber.topics.count() == 1
    client.get(f"/newsletter/abmelden/{token}/", **HOST)
    subscriber.refresh_from_db()
    assert subscriber.status == "active"  # GET shows a button only
    client.post(f"/newsletter/abmelden/{token}/", **HOST)
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at is not None


def test_csv_import_is_all_or_nothing_with_errors_by_line(network, admin_client):
    bad = "email;consent;name;topics\nanna@example.org;ja;Anna;bildung\nkaputt;ja;X;\nbert@example.org;nein;Bert;\n"
    response = admin_client.post(
        "/admin/newsletter/subscribers/import/",
        {"site": network.site.pk, "file": SimpleUploadedFile("s.csv", bad.encode())},
    )
    content = response.content.decode()
    assert "Zeile 3: „kaputt“ ist keine gültige E-Mail-Adresse." in content
    assert "Zeile 4: keine dokumentierte Einwilligung" in content
    assert not Subscriber.objects.exists()
    good = (
        "email;consent;consent_date;name;topics;edition\n"
        "anna@example.org;ja;2025-03-01;Anna;bildung;leichte_sprache\n"
        "Bert@example.org;yes;;Bert;;\n"
    )
    admin_client.post(
        "/admin/newsletter/subscribers/import/",
        {"site": network.site.pk, "file": SimpleUploadedFile("s.csv", good.encode())},
    )
    anna = Subscriber.objects.get(email="anna@example.org")
    assert anna.status == "active" and anna.consent_source == "import" and anna.consent_at.year == 2025
    assert anna.edition == "leichte_sprache" and anna.topics.count() == 1
    assert Subscriber.objects.filter(email="bert@example.org", status="active").exists()
    export = admin_client.get(f"/admin/newsletter/subscribers/export/{network.site.pk}.csv").content.decode()
    assert "anna@example.org" in export and "bildung" in export


def test_json_export_and_erase_leave_no_personal_data(network, smtp_server, admin_client, start_send):
    [person] = add_subscribers(network.site, 1, prefix="erika")
    issue = make_issue(network)
    start_send(issue.pk)
    data = admin_client.get(f"/admin/newsletter/subscribers/{person.pk}/export.json").json()
    assert data["email"] == "erika0@example.org" and data["deliveries"][0]["status"] == "sent"

    response = admin_client.post(f"/admin/newsletter/subscribers/{person.pk}/erase/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email__startswith="erika").exists()
    delivery = Delivery.objects.get(issue=issue)
    assert (delivery.subscriber_id, delivery.address, delivery.status) == (None, "", "sent")
    assert not Delivery.objects.filter(address__contains="erika").exists()
    assert issue_report.progress(issue)["sent"] == 1


def test_editor_of_another_network_cannot_export_or_erase(two_networks, client):
    person = Subscriber.objects.create(site=two_networks.a.site, email="a@example.org", status="active")
    client.force_login(two_networks.b.editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard
    for response in (
        client.get(f"/admin/newsletter/subscribers/{person.pk}/export.json"),
        client.post(f"/admin/newsletter/subscribers/{person.pk}/erase/"),
        client.get(f"/admin/newsletter/subscribers/export/{two_networks.a.site.pk}.csv"),
    ):
        assert response.status_code in (302, 403) and b"a@example.org" not in response.content
    listing = client.get("/admin/snippets/newsletter/subscriber/").content.decode()
    assert "a@example.org" not in listing
    assert Subscriber.objects.filter(pk=person.pk).exists()


def test_bounce_and_complaint_webhooks(network):
    from anymail.signals import AnymailTrackingEvent, tracking

    a, b = add_subscribers(network.site, 2)
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type="bounced", recipient="Person0@example.org"),
        esp_name="Test",
    )
    tracking.send(
        sender=object, event=AnymailTrackingEvent(event_type="complained", recipient=b.email), esp_name="Test"
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == "bounced" and b.status == "complained" and b.unsubscribed_at is not None
    assert apply_tracking_event("delivered", a.email) == 0


def test_digest_schedule_first_tuesday_of_the_month(network):
    settings_ = NewsletterSettings.for_site(network.site)
    settings_.digest_frequency = "monthly"
    settings_.digest_weekday = 1
    settings_.digest_ordinal = 1
    settings_.digest_time = datetime.time(8, 0)
    settings_.save()
    tz = timezone.get_current_timezone()
    slot = digest.last_scheduled_slot(settings_, datetime.datetime(2026, 11, 23, 12, 0, tzinfo=tz))
    assert slot == datetime.datetime(2026, 11, 3, 8, 0, tzinfo=tz)
    slot = digest.last_scheduled_slot(settings_, datetime.datetime(2026, 11, 3, 7, 59, tzinfo=tz))
    assert slot == datetime.datetime(2026, 10, 6, 8, 0, tzinfo=tz)


def test_digest_composes_a_draft_once_per_slot(network):
    settings_ = NewsletterSettings.for_site(network.site)
    settings_.digest_frequency = "weekly"
    settings_.digest_weekday = timezone.localtime().weekday()
    settings_.digest_time = datetime.time(0, 0)
    settings_.last_digest_at = timezone.now() - datetime.timedelta(days=8)
    settings_.save()
    issues = digest.compose_due_digests()
    assert len(issues) == 1
    issue = issues[0]
    assert issue.is_digest and not issue.live and issue.send_status == "draft"
    assert "Sprachcafé in nord" in [p.title for b in issue.body for p in b.value["pages"]]
    assert digest.compose_due_digests() == []  # not twice for the same slot


def test_automatic_digest_sends(network, smtp_server, django_capture_on_commit_callbacks):
    add_subscribers(network.site, 2)
    settings_ = NewsletterSettings.for_site(network.site)
    settings_.digest_frequency = "weekly"
    settings_.digest_weekday = timezone.localtime().weekday()
    settings_.digest_time = datetime.time(0, 0)
    settings_.digest_mode = "automatic"
    settings_.last_digest_at = timezone.now() - datetime.timedelta(days=8)
    settings_.save()
    with django_capture_on_commit_callbacks(execute=True):
        [issue] = digest.compose_due_digests()
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENT
    assert len(smtp_server.messages) == 2


@SMTP_BACKEND
def test_an_arabic_reader_signs_up_and_confirms_in_arabic(network, smtp_server, client):
    """The footer of an Arabic page leads to /ar/newsletter/: the sign-up speaks Arabic and
    presets Arabic as the newsletter's language; the confirmation link leads back to Arabic.
    The unprefixed, German addresses that earlier mails carry keep working."""
    page = client.get("/ar/", **HOST).content.decode()
    assert '<a href="/ar/newsletter/">' in page

    form = client.get("/ar/newsletter/", **HOST)
    html = form.content.decode()
    assert form.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert "<h1>الاشتراك في النشرة</h1>" in html
    assert re.search(r'<option value="ar" selected>', html)
    # the action field is German here, and says so; in Turkish it has a title of its own
    assert '<label for="id_topics_0"><span lang="de" dir="ltr">Bildung</span></label>' in html
    assert '<label for="id_topics_0">Bildung</label>' in client.get("/newsletter/", **HOST).content.decode()

    response = client.post("/ar/newsletter/", _form("layla@example.org", language="ar"), **HOST)
    assert response.status_code == 200 and '<html lang="ar" dir="rtl">' in response.content.decode()
    assert Subscriber.objects.get(email="layla@example.org").language == "ar"
    [message] = smtp_server.to("layla@example.org")
    text = message.get_body(("plain",)).get_content()
    link = re.search(r"http://nord\.localhost(/ar/newsletter/bestaetigen/\S+/)", text).group(1)
    assert '<html lang="ar" dir="rtl">' in client.get(link, **HOST).content.decode()
    german = client.get(link.removeprefix("/ar"), **HOST).content.decode()
    assert '<html lang="de" dir="ltr">' in german and "<form" in german

    client.post(link, **HOST)
    assert Subscriber.objects.get(email="layla@example.org").status == Subscriber.Status.ACTIVE
    assert '<option value="de" selected>' in client.get("/newsletter/", **HOST).content.decode()


def test_topics_are_titled_in_the_readers_language_where_translated(network, client, translate):
    translate(network.field, "tr", "Eğitim")
    html = client.get("/tr/newsletter/", **HOST).content.decode()
    assert '<label for="id_topics_0">Eğitim</label>' in html and "Bildung</span></label>" not in html
