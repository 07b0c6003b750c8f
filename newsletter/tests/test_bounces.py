"""Bounces, complaints and unsubscribes by mail for self-hosted sending: every delivery has its
own signed envelope sender (VERP); ``process_mailbox`` reads a real Maildir with real-format
DSN (RFC 3464), ARF (RFC 5965) and List-Unsubscribe mailto messages (tests/mail/*.eml)."""

import mailbox
import re
from pathlib import Path

import pytest
from django.test import override_settings

from newsletter import bounces
from newsletter.models import Delivery, Subscriber
from newsletter.tasks import process_mailbox_task

MAIL = Path(__file__).parent / "mail"


@pytest.fixture
def maildir(tmp_path):
    path = tmp_path / "bounces"
    box = mailbox.Maildir(path, create=True)
    with override_settings(NEWSLETTER_BOUNCE_MAILDIR=str(path)):
        yield box


def fill(name, mail, return_path, **extra):
    """A fixture .eml with the original mail's headers and addresses filled in."""
    headers = "".join(f"{key}: {value}\n" for key, value in mail.items())
    values = {
        "RETURN_PATH": return_path,
        "RECIPIENT": mail["To"],
        "DOMAIN": return_path.rpartition("@")[2],
        "ORIGINAL_HEADERS": headers.rstrip("\n"),
        "ORIGINAL_MAIL_FROM": return_path,
        **extra,
    }
    text = (MAIL / name).read_text()
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.replace("\n", "\r\n").encode()


def test_every_delivery_goes_out_with_its_own_signed_return_path(sent):
    people, issue, mails, mail_from = sent
    senders = {mail_from[p.email] for p in people}
    assert len(senders) == 3
    for person in people:
        delivery = Delivery.objects.get(issue=issue, subscriber=person)
        assert re.fullmatch(rf"bounces\+{delivery.pk}-[0-9a-f]{{10}}@[\w.-]+", mail_from[person.email])
        assert bounces.delivery_id_from_address(mail_from[person.email]) == delivery.pk
    forged = mail_from[people[0].email].replace("-", "-0", 1)[:-1]
    assert bounces.delivery_id_from_address(forged) is None


def test_hard_bounce_fails_the_delivery_and_suppresses_the_subscriber(sent, maildir):
    people, issue, mails, mail_from = sent
    anna, berta, _ = people
    maildir.add(fill("dsn_hard_bounce.eml", mails[anna.email], mail_from[anna.email]))
    maildir.add(fill("dsn_delayed.eml", mails[berta.email], mail_from[berta.email]))

    assert process_mailbox_task.delay().get() == {"bounce": 1, "delayed": 1}

    delivery = Delivery.objects.get(issue=issue, subscriber=anna)
    assert delivery.status == "failed" and "5.1.1" in delivery.last_error
    assert Subscriber.objects.get(pk=anna.pk).status == Subscriber.Status.BOUNCED
    # a delay warning changes nothing
    assert Delivery.objects.get(issue=issue, subscriber=berta).status == "sent"
    assert Subscriber.objects.get(pk=berta.pk).status == Subscriber.Status.ACTIVE
    assert len(maildir) == 0  # handled mail is removed


def test_bounce_to_a_lost_return_path_is_placed_by_message_id_and_address(sent, maildir):
    people, issue, mails, mail_from = sent
    anna = people[0]
    domain = mail_from[anna.email].rpartition("@")[2]
    raw = fill("dsn_hard_bounce.eml", mails[anna.email], f"bounces@{domain}")
    event, placed = bounces.handle_mail(raw)
    assert placed and event.delivery_id == Delivery.objects.get(issue=issue, subscriber=anna).pk
    assert Subscriber.objects.get(pk=anna.pk).status == Subscriber.Status.BOUNCED


def test_forged_bounce_suppresses_nobody_and_stays_for_a_person(sent, maildir):
    people, issue, mails, mail_from = sent
    anna = people[0]
    forged = re.sub(r"-[0-9a-f]{10}@", "-0123456789@", mail_from[anna.email])
    original = mails[anna.email]  # a forger knows the address, not our signed tokens
    del original["Message-ID"]
    del original["List-Unsubscribe"]
    maildir.add(fill("dsn_hard_bounce.eml", original, forged))
    assert bounces.process_mailbox() == {"unplaced": 1}
    assert Subscriber.objects.get(pk=anna.pk).status == Subscriber.Status.ACTIVE
    assert len(maildir) == 1 and "S" in next(iter(maildir)).get_flags()
    assert bounces.process_mailbox() == {}  # not read again


def test_complaint_unsubscribes_also_when_the_provider_redacts_the_sender(sent, maildir):
    people, issue, mails, mail_from = sent
    anna, berta, _ = people
    maildir.add(fill("arf_complaint.eml", mails[anna.email], mail_from[anna.email]))
    redacted = fill("arf_complaint.eml", mails[berta.email], mail_from[berta.email], ORIGINAL_MAIL_FROM="redacted")
    maildir.add(redacted.replace(mail_from[berta.email].encode(), b"abuse@example.net"))
    assert bounces.process_mailbox() == {"complaint": 2}
    for person in (anna, berta):
        subscriber = Subscriber.objects.get(pk=person.pk)
        assert subscriber.status == Subscriber.Status.COMPLAINED and subscriber.unsubscribed_at


def test_mail_to_the_list_unsubscribe_mailto_unsubscribes(sent, maildir):
    people, issue, mails, mail_from = sent
    anna = people[0]
    mailto = re.search(r"<mailto:([^?]+)\?subject=unsubscribe%20([^>]+)>", mails[anna.email]["List-Unsubscribe"])
    assert mailto.group(1).rpartition("@")[2] == mail_from[anna.email].rpartition("@")[2]
    maildir.add(fill("unsubscribe_mailto.eml", mails[anna.email], mail_from[anna.email], TOKEN=mailto.group(2)))
    maildir.add(fill("unsubscribe_mailto.eml", mails[anna.email], mail_from[anna.email], TOKEN="1:forged"))
    assert bounces.process_mailbox() == {"unsubscribe": 1, "unplaced": 1}
    assert Subscriber.objects.get(pk=anna.pk).status == Subscriber.Status.UNSUBSCRIBED
