"""The bounce mailbox over IMAP (TLS), as most cities' mail servers offer it: ``process_mailbox``
logs in, reads the unseen mail, deletes what it handled and leaves the rest for a person, and a
wrong password is a clear error that loses no mail."""

import pytest
from django.test import override_settings

from newsletter import bounces
from newsletter.models import Delivery, Subscriber

from .imap_server import ImapServer, self_signed_certificate
from .test_bounces import fill

USER, PASSWORD = "bounces@altona.example", "imap-secret"


@pytest.fixture
def imap(tmp_path, monkeypatch):
    cert_file, key_file = self_signed_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))  # the client trusts this server, nothing else changes
    server = ImapServer(cert_file, key_file, USER, PASSWORD)
    with override_settings(
        NEWSLETTER_BOUNCE_MAILDIR="",
        NEWSLETTER_BOUNCE_IMAP_HOST="localhost",
        NEWSLETTER_BOUNCE_IMAP_PORT=server.port,
        NEWSLETTER_BOUNCE_IMAP_USER=USER,
        NEWSLETTER_BOUNCE_IMAP_PASSWORD=PASSWORD,
    ):
        yield server
    server.close()


def test_bounces_read_over_imap_are_handled_deleted_and_the_rest_left_for_a_person(sent, imap):
    people, issue, mails, mail_from = sent
    anna, berta, _ = people
    imap.add(fill("dsn_hard_bounce.eml", mails[anna.email], mail_from[anna.email]))
    imap.add(fill("arf_complaint.eml", mails[berta.email], mail_from[berta.email]))
    imap.add(b"From: someone@example.net\r\nSubject: Frage zum Newsletter\r\n\r\nWann ist das naechste Treffen?\r\n")

    assert bounces.process_mailbox() == {"bounce": 1, "complaint": 1, "unplaced": 1}

    assert Delivery.objects.get(issue=issue, subscriber=anna).status == "failed"
    assert Subscriber.objects.get(pk=anna.pk).status == Subscriber.Status.BOUNCED
    assert Subscriber.objects.get(pk=berta.pk).status == Subscriber.Status.COMPLAINED
    # the two handled mails are deleted on the server; the question stays there, read, for a person
    (left,) = imap.messages.values()
    assert b"Frage zum Newsletter" in left.raw and "\\Seen" in left.flags
    assert bounces.process_mailbox() == {}  # nothing is read twice


@override_settings(NEWSLETTER_BOUNCE_IMAP_PASSWORD="wrong")
def test_a_wrong_imap_password_is_a_clear_error_and_loses_no_mail(sent, imap):
    people, issue, mails, mail_from = sent
    imap.add(fill("dsn_hard_bounce.eml", mails[people[0].email], mail_from[people[0].email]))
    with pytest.raises(Exception, match="AUTHENTICATIONFAILED"):  # the server's answer, for the log
        bounces.process_mailbox()
    assert len(imap.messages) == 1 and not imap.messages[1].flags
    assert Subscriber.objects.get(pk=people[0].pk).status == Subscriber.Status.ACTIVE
