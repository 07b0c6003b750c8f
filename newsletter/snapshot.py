"""The snapshot of a send: one pending Delivery row per recipient, written with ``INSERT …
SELECT`` (in one or two steps, see ``sending.start_send``), and the per-site lock that keeps
deletions of subscribers and issues from slipping between a snapshot step and its commit."""

from django.db import connection
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Delivery, NewsletterIssue, Subscriber
from .rendering import issue_topic_ids

SNAPSHOT_LOCK = 0x6E6C  # first key of the advisory lock below ("nl")


def snapshot_lock(site_id):
    """Until the end of the transaction: no snapshot step of this site runs alongside. Taken by
    every snapshot step and before a subscriber or an issue is deleted (``pre_delete``, erasure),
    so a deletion never misses delivery rows a snapshot is about to commit (the delivery table
    has no database constraints to them; see ``Delivery``)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [SNAPSHOT_LOCK, site_id])


@receiver(pre_delete, sender=Subscriber, dispatch_uid="newsletter.subscriber_waits_for_snapshots")
@receiver(pre_delete, sender=NewsletterIssue, dispatch_uid="newsletter.issue_waits_for_snapshots")
def _deletion_waits_for_snapshots(sender, instance, **kwargs):
    snapshot_lock(instance.site_id)


def insert_deliveries(issue, after=None, limit=None, joined_by=None):
    """INSERT … SELECT the pending Delivery rows of active subscribers (in id order; those with
    an id above ``after``; at most ``limit``; subscribed by ``joined_by``). Returns (rows, the
    largest subscriber id inserted when ``limit`` is given).

    Topic filtering: a subscriber with topics gets no row when every item of the issue is
    tagged and none with one of their topics."""
    topic_ids, has_untagged, has_items = issue_topic_ids(issue)
    snapshot_lock(issue.site_id)
    where = ["s.site_id = %s AND s.status = 'active'"]
    params = [issue.site_id]
    if after is not None:
        where.append("s.id > %s")
        params.append(after)
    if joined_by is not None:
        where.append("s.created_at <= %s")
        params.append(joined_by)
    if has_items and not has_untagged:
        through = Subscriber.topics.through._meta.db_table
        ids = sorted(topic_ids) or [0]
        where.append(
            f"(NOT EXISTS (SELECT 1 FROM {through} t WHERE t.subscriber_id = s.id) "
            f"OR EXISTS (SELECT 1 FROM {through} t WHERE t.subscriber_id = s.id "
            f"AND t.actionfieldpage_id IN ({','.join(['%s'] * len(ids))})))"
        )
        params += ids
    # No ON CONFLICT: the issue is locked and had no rows (the unique constraint still guards),
    # and the speculative insertion it needs cost a tenth of the snapshot.
    sql = (
        f"INSERT INTO {Delivery._meta.db_table} "
        "(issue_id, subscriber_id, address, status, attempts, last_error, message_id) "
        f"SELECT %s, s.id, s.email, 'pending', 0, '', '' FROM {Subscriber._meta.db_table} s "
        f"WHERE {' AND '.join(where)} ORDER BY s.id"
    )
    params = [issue.pk, *params]
    with connection.cursor() as cursor:
        if limit is None:
            cursor.execute(sql, params)
            return cursor.rowcount, None
        cursor.execute(f"{sql} LIMIT %s RETURNING subscriber_id", [*params, limit])
        ids = [row[0] for row in cursor.fetchall()]
        return len(ids), max(ids, default=None)


def snapshot_recipients(issue):
    """Create one pending Delivery per active subscriber the issue has something for, in one
    statement (consistent: subscribers joining later are not in it). Returns the count."""
    return insert_deliveries(issue)[0]
