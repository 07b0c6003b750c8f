"""Publish webhooks: signed POSTs to a real local HTTP receiver, retried with backoff, logged."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from conftest import publish
from newsletter.models import NewsletterIssue
from newsletter.sending import finish_if_done
from tests.receiver import Receiver
from webhooks.delivery import backoff_seconds
from webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from webhooks.signing import HEADER, verify

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_retries(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 1
    settings.WEBHOOK_MAX_ATTEMPTS = 4


def endpoint_for(net, receiver, events=tuple(Event.values), path="/hook"):
    return WebhookEndpoint.objects.create(
        site=net.site, name="Frontend", url=receiver.url + path, secret="s3cret-for-tests", events=list(events)
    )


def test_publishing_a_page_posts_a_signed_event_with_the_api_url(make_network, django_capture_on_commit_callbacks):
    net = make_network("alpha")
    with Receiver() as receiver:
        endpoint = endpoint_for(net, receiver)
        with django_capture_on_commit_callbacks(execute=True):
            net.news.title = "Sprachcafé am Mittwoch"
            publish(net.news)
        (request,) = receiver.wait_for(1)
    assert request.method == "POST" and request.path == "/hook"
    assert verify(endpoint.secret, request.body, request.headers[HEADER])
    assert not verify("another-secret", request.body, request.headers[HEADER])
    payload = json.loads(request.body)
    assert payload["event"] == "page.published"
    assert payload["object"]["title"] == "Sprachcafé am Mittwoch"
    assert payload["object"]["api_url"] == f"http://alpha.localhost/api/v3/pages/{net.news.pk}/"
    assert payload["site"]["hostname"] == "alpha.localhost"
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)


def test_a_receiver_that_fails_twice_gets_the_event_on_the_third_attempt(
    make_network, django_capture_on_commit_callbacks
):
    net = make_network("alpha")
    with Receiver(fail_times=2) as receiver:
        endpoint = endpoint_for(net, receiver)
        with django_capture_on_commit_callbacks(execute=True):
            net.news.unpublish()
        requests = receiver.wait_for(3)
    assert len(requests) == 3
    assert {json.loads(r.body)["id"] for r in requests} == {json.loads(requests[0].body)["id"]}  # same event
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.event, delivery.status, delivery.attempts) == ("page.unpublished", "delivered", 3)
    assert [backoff_seconds(n) for n in (1, 2, 3)] == [1, 2, 4]  # exponential backoff between them


def test_a_receiver_that_keeps_failing_ends_failed_and_an_editor_can_resend(
    client, make_network, django_capture_on_commit_callbacks
):
    net = make_network("alpha")
    net.group.permissions.add(*Permission.objects.filter(codename__endswith="_webhookendpoint"))
    with Receiver(fail_times=4) as receiver:
        endpoint = endpoint_for(net, receiver)
        with django_capture_on_commit_callbacks(execute=True):
            net.contact.name = "Ayşe Demir"
            net.contact.save()
        receiver.wait_for(4)
        delivery = WebhookDelivery.objects.get(endpoint=endpoint)
        assert (delivery.event, delivery.status, delivery.attempts) == ("snippet.changed", "failed", 4)
        assert delivery.response_status == 500

        client.force_login(net.editor)
        log = client.get(reverse("webhook_deliveries"))
        assert log.status_code == 200
        assert "Ayşe Demir" in log.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            answer = client.post(reverse("webhook_delivery_resend", args=[delivery.pk]))
        assert answer.status_code == 302
        requests = receiver.wait_for(5)
    assert json.loads(requests[-1].body)["object"]["api_url"].endswith(f"/api/v3/directory/contacts/{net.contact.pk}/")
    statuses = list(WebhookDelivery.objects.filter(endpoint=endpoint).values_list("status", flat=True))
    assert sorted(statuses) == ["delivered", "failed"]


def test_endpoints_get_only_their_own_network_and_the_events_they_chose(
    two_networks, django_capture_on_commit_callbacks
):
    a, b = two_networks.a, two_networks.b
    with Receiver() as receiver:
        endpoint_for(a, receiver, events=[Event.PAGE_PUBLISHED], path="/a")
        endpoint_for(b, receiver, events=[Event.PAGE_PUBLISHED], path="/b")
        with django_capture_on_commit_callbacks(execute=True):
            publish(a.news)
            a.contact.save()  # alpha's endpoint did not choose snippet events
        requests = receiver.wait_for(1)
    assert [(r.path, json.loads(r.body)["event"]) for r in requests] == [("/a", "page.published")]


def test_deleting_a_page_and_sending_a_newsletter_are_events_too(make_network, django_capture_on_commit_callbacks):
    net = make_network("alpha")
    issue = NewsletterIssue.objects.create(
        site=net.site, subject="Dezember", send_status=NewsletterIssue.SendStatus.SENDING
    )
    with Receiver() as receiver:
        endpoint_for(net, receiver, events=[Event.PAGE_DELETED, Event.NEWSLETTER_SENT])
        with django_capture_on_commit_callbacks(execute=True):
            net.news.delete()
            finish_if_done(issue.pk)
        requests = receiver.wait_for(2)
    events = sorted(json.loads(r.body)["event"] for r in requests)
    assert events == ["newsletter.sent", "page.deleted"]


def test_another_networks_editor_sees_no_deliveries_and_cannot_resend(
    client, two_networks, django_capture_on_commit_callbacks
):
    a, b = two_networks.a, two_networks.b
    b.group.permissions.add(*Permission.objects.filter(codename__endswith="_webhookendpoint"))
    with Receiver() as receiver:
        endpoint_for(a, receiver)
        with django_capture_on_commit_callbacks(execute=True):
            publish(a.news)
        receiver.wait_for(1)
    delivery = WebhookDelivery.objects.get()
    client.force_login(b.editor)
    assert "Sprachcafé in alpha" not in client.get(reverse("webhook_deliveries")).content.decode()
    assert client.post(reverse("webhook_delivery_resend", args=[delivery.pk])).status_code == 404
    client.force_login(a.editor)  # no webhook permission in alpha's group
    assert client.get(reverse("webhook_deliveries")).status_code in (302, 403)
