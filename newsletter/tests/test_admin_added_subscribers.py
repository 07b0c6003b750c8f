"""A subscriber an editor adds by hand either gets the double opt-in mail (the default) or
has a consent recorded with source "admin" and a note saying where and when; never a silent
pending row that nobody confirms."""

from django.test import override_settings

from newsletter.models import Subscriber

from .test_subscriptions import HOST, _link_from

ADD_URL = "/admin/snippets/newsletter/subscriber/add/"
SMTP_BACKEND = override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")


def _data(network, email, **extra):
    data = {
        "site": network.site.pk,
        "email": email,
        "name": "Ada",
        "language": "de",
        "edition": "standard",
    }
    data.update(extra)
    return data


@SMTP_BACKEND
def test_added_by_hand_gets_the_confirmation_mail_by_default_and_becomes_active_on_confirming(
    network, client, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(network.editor)
    form = client.get(ADD_URL).content.decode()
    assert "Bestätigungsmail" in form  # the choice is offered, in German
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, _data(network, "Ada@Example.org"))
    assert response.status_code == 302, response.content.decode()[:3000]
    subscriber = Subscriber.objects.get(email="ada@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_source == "admin" and subscriber.consent_at is None
    [message] = smtp_server.to("ada@example.org")
    client.logout()
    client.post(_link_from(message), **HOST)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.consent_at is not None


@SMTP_BACKEND
def test_recording_a_consent_needs_a_note_and_then_activates_without_a_mail(
    network, client, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(network.editor)
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(ADD_URL, _data(network, "paper@example.org", added_how="recorded"))
    assert refused.status_code == 200
    assert "Sagen Sie, wo und wann die Person zugestimmt hat" in refused.content.decode()
    assert not Subscriber.objects.filter(email="paper@example.org").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD_URL,
            _data(
                network,
                "paper@example.org",
                added_how="recorded",
                admin_consent_note="auf Papier unterschrieben beim Forum, 12.11.",
            ),
        )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="paper@example.org")
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.consent_source == "admin" and subscriber.consent_at is not None
    assert subscriber.consent_note == "auf Papier unterschrieben beim Forum, 12.11."
    assert smtp_server.to("paper@example.org") == []
    edit = client.get(f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/").content.decode()
    assert "auf Papier unterschrieben beim Forum, 12.11." in edit
    assert "im Admin hinzugefügt" in edit


def test_editing_a_subscriber_does_not_touch_the_consent_record(network, client):
    subscriber = Subscriber.objects.create(
        site=network.site, email="form@example.org", status="active", consent_source="form"
    )
    client.force_login(network.editor)
    response = client.post(
        f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/",
        _data(network, "form@example.org", name="Neu"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    subscriber.refresh_from_db()
    assert subscriber.name == "Neu" and subscriber.consent_source == "form" and subscriber.status == "active"
