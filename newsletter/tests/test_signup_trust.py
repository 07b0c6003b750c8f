"""Sign-up while the mail server is away, and confirmation links without the address."""

import pytest
from aiosmtpd.controller import Controller
from django.core import signing
from django.test import override_settings

from newsletter.models import Subscriber
from newsletter.subscriptions import confirm, subscribe
from newsletter.tokens import CONFIRM_SALT
from tests.ports import free_port

from .conftest import RecordingHandler
from .test_subscriptions import HOST, _form, _link_from

SMTP_DOWN_THEN_UP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_USE_TLS": False,
    "NEWSLETTER_CONFIRM_RETRY_SECONDS": 1,
}


@pytest.mark.django_db(transaction=True)
def test_sign_up_while_the_mail_server_is_down_answers_as_always_and_the_mail_follows(network, client, celery_worker):
    port = free_port()
    with override_settings(**SMTP_DOWN_THEN_UP, EMAIL_PORT=port):
        response = client.post("/newsletter/", _form("spaet@example.org"), **HOST)
        html = response.content.decode()
        assert response.status_code == 200 and "Fast geschafft" in html
        assert "Connection refused" not in html and "Errno" not in html
        assert Subscriber.objects.get(email="spaet@example.org").status == Subscriber.Status.PENDING

        handler = RecordingHandler()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()  # the mail server comes back; the worker's retry delivers
        try:
            assert handler.wait_for(1, timeout=60) == 1
        finally:
            controller.stop()
    link = _link_from(handler.to("spaet@example.org")[0])
    assert client.post(link, **HOST).status_code == 200
    assert Subscriber.objects.get(email="spaet@example.org").status == Subscriber.Status.ACTIVE


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_confirmation_link_does_not_carry_the_address(network, smtp_server, client):
    client.post("/newsletter/", _form("Ada.Lovelace@example.org"), **HOST)
    link = _link_from(smtp_server.to("ada.lovelace@example.org")[0])
    assert "lovelace" not in link.lower() and "%40" not in link and "@" not in link
    assert client.post(link, **HOST).status_code == 200
    assert Subscriber.objects.get(email="ada.lovelace@example.org").status == Subscriber.Status.ACTIVE


def test_link_of_a_changed_address_is_not_valid(network):
    subscriber = subscribe(network.site, "alt@example.org")
    from newsletter.tokens import confirm_token

    token = confirm_token(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(email="neu@example.org")
    with pytest.raises(Exception, match="nicht gültig|not valid"):
        confirm(token)


def test_links_sent_before_the_change_still_confirm(network, client):
    subscriber = subscribe(network.site, "frueh@example.org")
    old_token = signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscriber.pk}:frueh@example.org")
    assert client.post(f"/newsletter/bestaetigen/{old_token}/", **HOST).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
