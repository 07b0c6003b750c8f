"""Backup of a loaded demo, restored into an empty database and media folder: the same content."""

import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from newsletter.models import Delivery, NewsletterIssue, Subscriber
from operations.backup import BackupError, counts, create_backup, media_checksums, read_manifest, restore_backup

pytestmark = pytest.mark.skipif(not settings.USES_REAL_SERVICES, reason="needs PostgreSQL")


def _admin_dsn(db, name):
    return f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER'] or 'postgres'} dbname={name}"


@pytest.fixture
def empty_database():
    db = settings.DATABASES["default"]
    name = f"restore_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_admin_dsn(db, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**db, "NAME": name}
    finally:
        with psycopg.connect(_admin_dsn(db, "postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _counts_in(database):
    with psycopg.connect(_admin_dsn(database, database["NAME"])) as conn:
        return {
            name: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for name, table in [
                ("pages", "wagtailcore_page"),
                ("subscribers", "newsletter_subscriber"),
                ("deliveries", "newsletter_delivery"),
                ("images", "wagtailimages_image"),
                ("documents", "wagtaildocs_document"),
            ]
        }


@pytest.mark.django_db(transaction=True)
def test_backup_of_the_demo_restores_into_an_empty_database_and_media_folder(tmp_path, empty_database):
    media = tmp_path / "media"
    with override_settings(MEDIA_ROOT=media):
        call_command("load_demo", verbosity=0)
        site = Subscriber.objects.values_list("site", flat=True).first()
        if site is None:
            from wagtail.models import Site

            site = Site.objects.first().pk
        people = Subscriber.objects.bulk_create(
            [Subscriber(site_id=site, email=f"leser{i}@example.org", status="active") for i in range(25)]
        )
        issue = NewsletterIssue.objects.create(site_id=site, subject="Gesichert")
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber=p, address=p.email, status="sent") for p in people]
        )
        before = counts()
        before_media = media_checksums(media)
        assert before["pages"] > 50 and before["deliveries"] >= 25 and before_media  # the demo sent an issue too

        folder = create_backup(tmp_path / "backups")

    restored_media = tmp_path / "restored-media"
    manifest = restore_backup(folder, media_root=restored_media, database=empty_database)

    assert manifest["counts"] == before
    assert _counts_in(empty_database) == before
    assert media_checksums(restored_media) == before_media


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_is_replaced(tmp_path, make_network):
    make_network("sicher")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.7 minutes")
    with override_settings(MEDIA_ROOT=media):
        folder = create_backup(tmp_path / "backups")
    archive = folder / "media.tar.gz"
    data = bytearray(archive.read_bytes())
    data[-20] ^= 0xFF
    archive.write_bytes(bytes(data))

    with pytest.raises(BackupError, match="media.tar.gz does not match its checksum"):
        read_manifest(folder)
    with pytest.raises(BackupError, match="checksum"):
        restore_backup(folder, media_root=tmp_path / "elsewhere")
    assert not (tmp_path / "elsewhere").exists()
