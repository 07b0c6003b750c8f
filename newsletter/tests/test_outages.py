"""A send survives outages of what it does not strictly need: the cache (Redis) stopped for
the whole send, and the database connection dropped in the middle of a batch."""

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from newsletter import sending
from newsletter.models import Delivery, NewsletterIssue, NewsletterSettings
from operations.tests.conftest import ThrowawayRedis

from .conftest import add_subscribers, begin_send, make_issue


@pytest.fixture
def stopped_cache():
    """The default cache pointed at a real redis-server that is then stopped."""
    server = ThrowawayRedis()
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": server.url}
    with override_settings(CACHES={"default": cache}):
        server.stop()
        yield


def test_send_completes_with_the_cache_down(start_send, network, smtp_server, stopped_cache):
    people = add_subscribers(network.site, 5)
    site_settings = NewsletterSettings.for_site(network.site)
    site_settings.rate_limit_per_minute = 600  # the limiter counts in the cache, too
    site_settings.save()
    issue = make_issue(network)
    start_send(issue.pk)
    assert smtp_server.wait_for(5) == 5
    assert set(smtp_server.counts()) == {p.email for p in people}
    assert "Neuigkeiten" in smtp_server.to(people[0].email)[0]["Subject"]
    issue.refresh_from_db()
    assert issue.send_status == NewsletterIssue.SendStatus.SENT


def _drop_the_senders_connection():
    """What a database restart or failover does to the worker: its backend goes away."""
    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"] or "postgres", dbname=db["NAME"]
    ) as other:
        other.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [db["NAME"]],
        )


def test_database_connection_dropped_mid_batch_is_survived(transactional_db, make_network, smtp_server):
    network = make_network("drop")
    people = add_subscribers(network.site, 30)
    issue = make_issue(network)
    begin_send(issue)
    original_data = smtp_server.handle_DATA

    async def drop_twice(server, session, envelope):
        answer = await original_data(server, session, envelope)
        if len(smtp_server.messages) in (8, 19):
            _drop_the_senders_connection()
        return answer

    smtp_server.handle_DATA = drop_twice
    result = sending.send_batch(issue.pk, batch_size=100)
    connection.close()
    assert result.sent == 30
    counts = smtp_server.counts()
    assert set(counts) == {p.email for p in people}
    assert max(counts.values()) == 1, "a mail went out twice"
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 30
    assert NewsletterIssue.objects.get(pk=issue.pk).send_status == "sent"
