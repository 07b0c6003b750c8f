"""The provider's bounce webhook over real HTTP: without the shared secret nothing happens."""

import base64
import json
import urllib.error
import urllib.request

import pytest
from django.test import override_settings

from newsletter.models import Subscriber

# Postmark's bounce webhook, as its documentation shows it (trimmed of nothing but the dump).
POSTMARK_BOUNCE = {
    "RecordType": "Bounce",
    "MessageStream": "outbound",
    "ID": 4323372036854775807,
    "Type": "HardBounce",
    "TypeCode": 1,
    "Name": "Hard bounce",
    "Tag": "Newsletter",
    "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Metadata": {},
    "ServerID": 23,
    "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
    "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    "Email": "weg@example.org",
    "From": "newsletter@nord.example.org",
    "BouncedAt": "2026-11-05T16:33:54.9070259Z",
    "DumpAvailable": False,
    "Inactive": True,
    "CanActivate": True,
    "Subject": "Neuigkeiten im November",
}
SECRET = "postmark:ein-langes-geheimnis"


def post(url, payload, credentials=None):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if credentials:
        request.add_header("Authorization", "Basic " + base64.b64encode(credentials.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def bounced_subscriber(network):
    return Subscriber.objects.create(site=network.site, email="weg@example.org", status=Subscriber.Status.ACTIVE)


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_bounce_webhook_without_or_with_a_wrong_secret_is_refused_and_changes_nothing(live_server, bounced_subscriber):
    url = f"{live_server.url}/anymail/postmark/tracking/"
    assert post(url, {}) == 401
    assert post(url, POSTMARK_BOUNCE) == 401
    assert post(url, POSTMARK_BOUNCE, "postmark:geraten") == 401
    bounced_subscriber.refresh_from_db()
    assert bounced_subscriber.status == Subscriber.Status.ACTIVE


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
def test_bounce_webhook_with_the_secret_suppresses_the_address(live_server, bounced_subscriber):
    assert post(f"{live_server.url}/anymail/postmark/tracking/", POSTMARK_BOUNCE, SECRET) == 200
    bounced_subscriber.refresh_from_db()
    assert bounced_subscriber.status == Subscriber.Status.BOUNCED


@override_settings(ANYMAIL={"WEBHOOK_SECRET": ""})
def test_webhooks_are_off_while_no_secret_is_configured(live_server, bounced_subscriber):
    assert post(f"{live_server.url}/anymail/postmark/tracking/", POSTMARK_BOUNCE) == 403
    bounced_subscriber.refresh_from_db()
    assert bounced_subscriber.status == Subscriber.Status.ACTIVE
