"""Trigram indexes for the admin's subscriber search.

The subscriber list searches email and name with ``icontains`` (``UPPER(col) LIKE '%…%'``), which
no B-tree index can serve: with 100,000 subscribers every search read the whole table (plans in
the issue note). A GIN index with ``gin_trgm_ops`` on the same expressions serves these searches.

PostgreSQL only (``pg_trgm`` is a trusted extension since PostgreSQL 13: the database owner may
create it); other databases keep the plain search. The indexes are not part of the models' state
because no other backend could create them.
"""

from django.db import migrations

INDEXES = {
    "newsletter_subscriber_email_trgm": "UPPER(email::text) gin_trgm_ops",
    "newsletter_subscriber_name_trgm": "UPPER(name::text) gin_trgm_ops",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, expression in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON newsletter_subscriber USING gin ({expression})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0012_deliveries_without_issue_constraint")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
