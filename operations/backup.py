"""Backup and restore: the database and the media files, with a manifest that proves both.

A backup is a folder ``miteinander-backup-<UTC time>/`` with
- ``database.dump`` (PostgreSQL: ``pg_dump`` custom format) or ``database.sqlite3`` (SQLite),
- ``media.tar.gz``: every uploaded and generated file (images, documents, videos, audio, PDF),
- ``manifest.json``: when, from which database engine and migrations, the SHA-256 of both
  archives and of every media file, and the counts (pages, subscribers, deliveries) to compare.
Restore checks every checksum before it touches anything, then replaces the database and the
media folder.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db):
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args(db):
    args = []
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def _engine(db):
    engine = db["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def counts(alias="default"):
    """What a restore must give back, counted in the database behind ``alias``."""
    from django.db import connections

    with connections[alias].cursor() as cursor:
        result = {}
        for name, table in [
            ("pages", "wagtailcore_page"),
            ("subscribers", "newsletter_subscriber"),
            ("deliveries", "newsletter_delivery"),
            ("images", "wagtailimages_image"),
            ("documents", "wagtaildocs_document"),
        ]:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            result[name] = cursor.fetchone()[0]
    return result


def media_checksums(media_root):
    media_root = Path(media_root)
    if not media_root.exists():
        return {}
    return {
        str(path.relative_to(media_root)): sha256(path)
        for path in sorted(media_root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def create_backup(target, media_root=None, alias="default"):
    """Write a backup folder below ``target`` and return its path."""
    db = settings.DATABASES[alias]
    engine = _engine(db)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(target) / f"miteinander-backup-{stamp}"
    if folder.exists():
        raise BackupError(f"{folder} exists already; wait a second or choose another folder.")
    folder.mkdir(parents=True)
    try:
        if engine == "postgresql":
            database_file = folder / "database.dump"
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(database_file)]
                + _pg_args(db)
                + [db["NAME"]],
                env=_pg_env(db),
            )
        else:
            database_file = folder / "database.sqlite3"
            source = sqlite3.connect(db["NAME"])
            try:
                with sqlite3.connect(database_file) as copy:
                    source.backup(copy)
            finally:
                source.close()
        media_files = media_checksums(media_root)
        with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
            for relative in media_files:
                archive.add(media_root / relative, arcname=relative, recursive=False)
        manifest = {
            "format": 1,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": engine,
            "migrations": _latest_migrations(alias),
            "files": {
                database_file.name: sha256(database_file),
                MEDIA_ARCHIVE: sha256(folder / MEDIA_ARCHIVE),
            },
            "media": media_files,
            "counts": counts(alias),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _latest_migrations(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT app, MAX(name) FROM django_migrations GROUP BY app ORDER BY app")
        return dict(cursor.fetchall())


def read_manifest(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise BackupError(f"{folder} has no {MANIFEST}: not a Miteinander backup.") from exc
    except json.JSONDecodeError as exc:
        raise BackupError(f"{folder / MANIFEST} is damaged: {exc}.") from exc
    for name, expected in manifest.get("files", {}).items():
        path = folder / name
        if not path.exists():
            raise BackupError(f"{name} is missing from the backup.")
        if sha256(path) != expected:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged.")
    return manifest


def restore_backup(folder, media_root=None, database=None):
    """Replace a database (settings dict; default: this installation's) and the media folder with the
    backup's. Returns the manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    db = database or settings.DATABASES["default"]
    engine = _engine(db)
    if manifest["engine"] != engine:
        raise BackupError(f"The backup is of a {manifest['engine']} database; this installation uses {engine}.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if database is None:
        connections["default"].close()
    if engine == "postgresql":
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
            + _pg_args(db)
            + ["--dbname", db["NAME"], str(folder / "database.dump")],
            env=_pg_env(db),
        )
    else:
        with sqlite3.connect(folder / "database.sqlite3") as source, sqlite3.connect(db["NAME"]) as target:
            source.backup(target)
    _restore_media(folder / MEDIA_ARCHIVE, media_root, manifest.get("media", {}))
    return manifest


def _restore_media(archive_path, media_root, expected):
    staging = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(staging, filter="data")  # refuses absolute paths, "..", links and devices
    found = media_checksums(staging)
    if found != expected:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError("The media archive does not match the manifest's file list: the backup is damaged.")
    old = media_root.with_name(media_root.name + ".before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if media_root.exists():
        media_root.rename(old)
    staging.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)


def _run(command, env=None):
    try:
        subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} failed: {exc.stderr.strip()[-500:]}") from exc
