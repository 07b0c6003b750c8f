"""The subscriber list's search stays fast with 100,000 subscribers: it finds people by any part of
their address or name, in any case, and on PostgreSQL the trigram indexes serve that search
instead of a read of the whole table (migration 0013)."""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from newsletter.models import Subscriber

from .conftest import add_subscribers

SUBSCRIBERS = "/admin/snippets/newsletter/subscriber/"


def search(admin_client, text):
    with CaptureQueriesContext(connection) as captured:
        html = admin_client.get(SUBSCRIBERS, {"q": text}).content.decode()
    return html, [q["sql"] for q in captured.captured_queries if "newsletter_subscriber" in q["sql"]]


def plan_without_sequential_scans(sql):
    """The plan PostgreSQL picks when it may not read the whole table (what it does at scale)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(line for (line,) in cursor.fetchall())


def test_the_subscriber_search_finds_any_part_of_address_or_name_through_an_index(network, admin_client):
    add_subscribers(network.site, 30)
    Subscriber.objects.create(
        site=network.site, email="ayse.demir@example.org", name="Ayşe DEMIR", status=Subscriber.Status.ACTIVE
    )

    by_address, queries = search(admin_client, "SE.DEM")
    by_name, _ = search(admin_client, "şe dem")
    assert "ayse.demir" in by_address and "ayse.demir" in by_name
    assert "person0@example.org" not in by_address

    if connection.vendor == "postgresql":
        searches = [sql for sql in queries if "LIKE" in sql.upper() and "UPPER" in sql.upper()]
        counts = [sql for sql in searches if "COUNT(" in sql.upper()]
        assert searches and counts, queries
        for sql in searches:  # the page of results may also walk the primary key while the table is tiny
            assert "Seq Scan on newsletter_subscriber" not in plan_without_sequential_scans(sql)
        for sql in counts:  # the count reads every match: only the trigram indexes can find them
            plan = plan_without_sequential_scans(sql)
            assert "newsletter_subscriber_email_trgm" in plan and "newsletter_subscriber_name_trgm" in plan, plan
