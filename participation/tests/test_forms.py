"""The network's forms as readers and editors meet them: a legitimate submission is stored
and mailed; spam is refused with a clear message and a legitimate reader loses nothing."""

import time
import uuid

import pytest
from django.core import mail
from django.test import override_settings

from conftest import publish
from home.models import HomePageContact
from participation import spam
from participation.models import FormKind, FormSubmission, ParticipationFormPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_rate_limits(settings):
    """Counters of this test only (the cache may be a Redis shared with other runs)."""
    settings.PARTICIPATION_CACHE_PREFIX = f"test-participation-{uuid.uuid4().hex}"


def add_form(net, kind=FormKind.JOIN, slug="mitmachen", **fields):
    page = net.home.add_child(instance=ParticipationFormPage(title="Mitmachen", slug=slug, kind=kind, **fields))
    return publish(page)


def with_start_page_contact(net, email="koordination@alpha.example"):
    net.contact.email = email
    net.contact.save()
    net.home.contacts = [HomePageContact(contact=net.contact)]
    publish(net.home)


def started_seconds_ago(seconds):
    return spam.make_timestamp(time.time() - seconds)


def join_data(net, **overrides):
    data = {
        "join_as": "organisation",
        "name": "Ayşe Demir",
        "organisation": "Deutsch-Türkischer Elternverein",
        "email": "ayse@verein.example",
        "phone": "",
        "action_fields": [str(net.field.pk)],
        "message": "Wir möchten am Runden Tisch mitarbeiten.",
        "consent": "on",
        "website": "",
        "started": started_seconds_ago(30),
    }
    data.update(overrides)
    return data


def post(client, net, page, data):
    return client.post(page.url, data, HTTP_HOST=net.site.hostname)


def test_join_submission_is_stored_and_mailed_to_the_start_page_contact(
    client, make_network, django_capture_on_commit_callbacks
):
    net = make_network("alpha")
    with_start_page_contact(net)
    page = add_form(net)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, net, page, join_data(net))

    assert response.status_code == 302
    assert response["Location"].endswith("/mitmachen/?gesendet=1")
    submission = FormSubmission.objects.get()
    assert submission.site == net.site
    assert (submission.name, submission.organisation, submission.join_as) == (
        "Ayşe Demir",
        "Deutsch-Türkischer Elternverein",
        "organisation",
    )
    assert list(submission.action_fields.all()) == [net.field]
    assert "nicht an Dritte weiter" in submission.consent_text
    assert submission.mailed_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["koordination@alpha.example"]
    assert message.reply_to == ["ayse@verein.example"]
    assert "Netzwerk alpha" in message.subject
    assert "Deutsch-Türkischer Elternverein" in message.body
    assert "Bildung" in message.body
    thanks = client.get(response["Location"], HTTP_HOST=net.site.hostname)
    assert "Vielen Dank" in thanks.content.decode() or "Thank you" in thanks.content.decode()


def test_contact_form_goes_to_the_forms_own_recipient(client, make_network, django_capture_on_commit_callbacks):
    net = make_network("alpha")
    with_start_page_contact(net)
    page = add_form(net, kind=FormKind.CONTACT, slug="kontakt", recipient_email="buero@alpha.example")
    html = client.get(page.url, HTTP_HOST=net.site.hostname).content.decode()
    assert 'name="join_as"' not in html and 'name="message"' in html

    data = {
        "name": "Max",
        "email": "max@example.org",
        "message": "Wann ist das nächste Treffen?",
        "consent": "on",
        "website": "",
        "started": started_seconds_ago(30),
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, net, page, data).status_code == 302

    assert FormSubmission.objects.get().kind == "contact"
    assert mail.outbox[0].to == ["buero@alpha.example"]


def test_missing_recipient_is_recorded_not_lost(client, make_network, django_capture_on_commit_callbacks):
    net = make_network("alpha")  # start page has no contacts
    page = add_form(net)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, net, page, join_data(net))
    submission = FormSubmission.objects.get()
    assert submission.mailed_at is None
    assert "No recipient" in submission.mail_error or "Empfänger" in submission.mail_error
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (lambda: {"website": "http://spam.example"}, ("must stay empty", "leer bleiben")),
        (lambda: {"started": started_seconds_ago(1)}, ("very fast", "sehr schnell")),
        (lambda: {"started": "forged:1"}, ("open for too long", "zu lange")),
    ],
    ids=["honeypot", "too-fast", "forged-timestamp"],
)
def test_spam_is_refused_with_a_clear_message_and_entries_are_kept(client, make_network, overrides, expected):
    net = make_network("alpha")
    page = add_form(net)

    response = post(client, net, page, join_data(net, **overrides()))

    html = response.content.decode()
    assert response.status_code == 400
    assert any(text in html for text in expected)
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []
    assert 'value="Ayşe Demir"' in html
    assert 'value="ayse@verein.example"' in html
    assert "Wir möchten am Runden Tisch mitarbeiten." in html
    assert 'value="http://spam.example"' not in html  # the trap is emptied for the next try


def test_legit_resend_after_a_too_fast_refusal_works(client, make_network, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 1
    net = make_network("alpha")
    page = add_form(net)
    first = post(client, net, page, join_data(net, started=spam.make_timestamp()))
    assert first.status_code == 400
    token = first.context["form"].data["started"]
    time.sleep(1.05)
    assert post(client, net, page, join_data(net, started=token)).status_code == 302


@override_settings(PARTICIPATION_RATE_LIMIT=(2, 3600))
def test_rate_limit_per_client_and_network(client, two_networks):
    net = two_networks.a
    page = add_form(net)
    for _ in range(2):
        assert post(client, net, page, join_data(net)).status_code == 302

    refused = post(client, net, page, join_data(net, name="Dritter Versuch"))
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "wait an hour" in html or "eine Stunde" in html
    assert 'value="Dritter Versuch"' in html
    assert FormSubmission.objects.count() == 2

    other = add_form(two_networks.b)  # another network counts on its own
    assert post(client, two_networks.b, other, join_data(two_networks.b)).status_code == 302
    other_reader = client.post(page.url, join_data(net), HTTP_HOST=net.site.hostname, REMOTE_ADDR="192.0.2.7")
    assert other_reader.status_code == 302  # and so does another reader


@override_settings(PARTICIPATION_RATE_LIMIT=(1, 3600), CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_behind_a_proxy_readers_are_told_apart_by_the_proxys_header(client, make_network):
    net = make_network("alpha")
    page = add_form(net)

    def send(forwarded_for):
        return client.post(page.url, join_data(net), HTTP_HOST=net.site.hostname, HTTP_X_FORWARDED_FOR=forwarded_for)

    assert send("198.51.100.1").status_code == 302
    assert send("198.51.100.2").status_code == 302
    assert send("203.0.113.9, 198.51.100.1").status_code == 429  # a forged first entry does not help


def test_field_errors_keep_what_was_typed(client, make_network):
    net = make_network("alpha")
    page = add_form(net)
    response = post(client, net, page, join_data(net, email="not-an-email", organisation="", consent=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-invalid="true"' in html
    assert 'value="not-an-email"' in html
    assert "Please name your organisation." in html or "Bitte nennen Sie Ihre Organisation" in html
    assert FormSubmission.objects.count() == 0


def test_csrf_is_enforced_and_only_the_form_page_sets_a_cookie(make_network):
    from django.test import Client

    net = make_network("alpha")
    page = add_form(net)
    browser = Client(enforce_csrf_checks=True)
    assert not browser.get("/", HTTP_HOST=net.site.hostname).cookies
    assert not browser.get("/aktuelles/sprachcafe/", HTTP_HOST=net.site.hostname).cookies

    form_page = browser.get(page.url, HTTP_HOST=net.site.hostname)
    assert "csrftoken" in form_page.cookies
    assert "no-store" in form_page["Cache-Control"] or "max-age=0" in form_page["Cache-Control"]

    forged = Client(enforce_csrf_checks=True).post(page.url, join_data(net), HTTP_HOST=net.site.hostname)
    assert forged.status_code == 403
    html = forged.content.decode()
    assert "security cookie" in html or "Sicherheits-Cookie" in html
    assert 'value="Ayşe Demir"' in html  # a reader whose browser blocks the cookie loses nothing
    assert FormSubmission.objects.count() == 0
    token = form_page.context["csrf_token"]
    accepted = browser.post(
        page.url, {**join_data(net), "csrfmiddlewaretoken": str(token)}, HTTP_HOST=net.site.hostname
    )
    assert accepted.status_code == 302


def test_editors_see_only_their_own_networks_submissions(client, two_networks):
    for net in (two_networks.a, two_networks.b):
        FormSubmission.objects.create(
            site=net.site,
            kind="join",
            name=f"Person aus {net.site.site_name}",
            email="p@example.org",
            consent_text="ok",
        )
    theirs = FormSubmission.objects.get(site=two_networks.b.site)
    client.force_login(two_networks.a.editor)

    listing = client.get("/admin/snippets/participation/formsubmission/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Person aus Netzwerk alpha" in html
    assert "Person aus Netzwerk beta" not in html
    own = FormSubmission.objects.get(site=two_networks.a.site)
    assert client.get(f"/admin/snippets/participation/formsubmission/inspect/{own.pk}/").status_code == 200
    refused = client.get(f"/admin/snippets/participation/formsubmission/inspect/{theirs.pk}/")
    assert refused.status_code == 404  # another network's submission does not exist for them
    assert "Person aus Netzwerk beta" not in refused.content.decode()
    assert client.post(f"/admin/snippets/participation/formsubmission/delete/{theirs.pk}/").status_code == 404
    assert FormSubmission.objects.filter(pk=theirs.pk).exists()


def test_editors_may_add_form_pages_to_their_start_page(client, make_network):
    net = make_network("alpha")
    client.force_login(net.editor)
    response = client.get(f"/admin/pages/add/participation/participationformpage/{net.home.pk}/")
    assert response.status_code == 200


def test_submissions_older_than_two_years_are_deleted(two_networks):
    import datetime

    from django.utils import timezone

    from participation.retention import purge_old_submissions

    old = FormSubmission.objects.create(
        site=two_networks.a.site, kind="join", name="Alt", email="a@example.org", consent_text="ok"
    )
    FormSubmission.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=731))
    recent = FormSubmission.objects.create(
        site=two_networks.b.site, kind="join", name="Neu", email="n@example.org", consent_text="ok"
    )

    assert purge_old_submissions() == 1
    assert list(FormSubmission.objects.all()) == [recent]
