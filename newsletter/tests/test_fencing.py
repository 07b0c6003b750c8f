"""Fencing: a worker whose lease ran out and whose rows another worker took neither sends nor
records them — the other worker's mails are the only ones that go out."""

import datetime

from django.utils import timezone

from newsletter import sending
from newsletter.batch import BatchResult
from newsletter.models import Delivery
from newsletter.smtp import PersistentSmtp, SmtpConfig

from .conftest import add_subscribers, begin_send, make_issue


def test_worker_that_lost_its_rows_sends_nothing_and_records_nothing(network, smtp_server):
    people = add_subscribers(network.site, 4)
    issue = make_issue(network)
    begin_send(issue)
    stalled = sending.claim(issue.pk, 10, lease_seconds=60)  # e.g. held up by a slow relay
    # its lease runs out; beat reclaims the rows and another worker claims them
    Delivery.objects.filter(pk__in=stalled.ids).update(lease_until=timezone.now() - datetime.timedelta(seconds=1))
    sending.reclaim_expired()
    other = sending.claim(issue.pk, 10, lease_seconds=60)
    assert sorted(other.ids) == sorted(stalled.ids)

    stalled.lease.renewed_at -= 3600  # the stalled worker wakes up: its renewal comes first
    late = sending.send_claimed(issue, stalled, PersistentSmtp(SmtpConfig.from_settings()), BatchResult())
    assert (late.sent, late.lost) == (0, 4)
    assert smtp_server.messages == []
    assert set(Delivery.objects.filter(issue=issue).values_list("status", flat=True)) == {"sending"}

    result = sending.send_claimed(issue, other, PersistentSmtp(SmtpConfig.from_settings()), BatchResult())
    assert result.sent == 4
    assert sorted(smtp_server.counts().values()) == [1, 1, 1, 1]
    assert set(smtp_server.counts()) == {p.email for p in people}


def test_result_of_a_lost_row_does_not_overwrite_the_new_owner(network, smtp_server):
    add_subscribers(network.site, 1)
    issue = make_issue(network)
    begin_send(issue)
    first = sending.claim(issue.pk, 1, lease_seconds=60)
    Delivery.objects.filter(pk__in=first.ids).update(lease_until=timezone.now() - datetime.timedelta(seconds=1))
    second = sending.claim(issue.pk, 1, lease_seconds=60)
    sending.send_claimed(issue, second, PersistentSmtp(SmtpConfig.from_settings()), BatchResult())
    delivery = Delivery.objects.get(issue=issue)
    assert delivery.status == "sent"

    from newsletter.ledger import Ledger

    with Ledger(Delivery._meta.db_table, first.lease.token) as ledger:  # the old owner's late write
        ledger.failed(delivery.pk, 1, "451 too late")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == ("sent", "")
