"""CSV import (all or nothing, errors by line, consent required explicitly) and export of a
network's subscribers, and the DSGVO export and erasure of one subscriber."""

import csv
import io
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from cms.spreadsheets import csv_cell

from .forms import site_topics
from .models import Delivery, Edition, NewsletterSettings, Subscriber, normalise_email

CONSENT_YES = {"ja", "yes", "1", "true", "x"}
EXPORT_FIELDS = [
    "email",
    "name",
    "language",
    "edition",
    "topics",
    "status",
    "consent_at",
    "consent_source",
    "consent_text_version",
    "created_at",
]


ENCODINGS = ("utf-8", "cp1252")  # what spreadsheet programs here save as "CSV"


class ImportError_(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def decode_upload(raw):
    """The uploaded bytes as text: UTF-8 (with or without BOM) or Windows-1252, else refused."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_(
        [_('The file is neither UTF-8 nor Windows-1252 text. Please save it as "CSV UTF-8" and upload it again.')]
    )


def parse_consent_date(value):
    """A consent date as an aware datetime, or None if it is no real date (2026-02-30)."""
    try:
        parsed = parse_datetime(value) or parse_date(value)
    except ValueError:
        return None
    if parsed is not None and not hasattr(parsed, "hour"):
        parsed = timezone.datetime(parsed.year, parsed.month, parsed.day)
    if parsed is not None and timezone.is_naive(parsed):
        # Python 3.11 reads "2025-03-01" as a datetime already, without a zone: the date is
        # meant as the network's (Europe/Berlin) midnight, also for "2025-03-01T10:00".
        parsed = timezone.make_aware(parsed)
    return parsed


def csv_rows(reader):
    """(line number, row) of a DictReader; a row the csv module cannot read, one with a NUL
    (PostgreSQL cannot store it) or with more fields than the header becomes (line, None)."""
    line = 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error:
            line = reader.line_num
            yield line, None
            return
        line = reader.line_num
        unreadable = None in raw or any("\x00" in value for value in raw.values() if isinstance(value, str))
        yield line, None if unreadable else raw


def unknown_topics_message(line, unknown, topics):
    """The error for a line naming topics the network does not have, with the ones it has."""
    if not topics:
        return _("Line %(line)s: unknown topics: %(value)s. This network has no topics yet.") % {
            "line": line,
            "value": ", ".join(unknown),
        }
    valid = ", ".join(f"{t.slug} ({t.title})" if t.slug != t.title.lower() else t.slug for t in topics)
    return _("Line %(line)s: unknown topics: %(value)s. The topics of this network are: %(valid)s.") % {
        "line": line,
        "value": ", ".join(unknown),
        "valid": valid,
    }


def import_subscribers(site, file_text):
    """Import active subscribers with documented consent. Columns: email (required),
    consent (required: ja/yes/1), consent_date (optional, ISO), name, language, edition,
    topics (action field slugs separated by ';'). Raises ImportError_ with every bad line;
    imports nothing then. Returns (created, skipped_existing)."""
    reader = csv.DictReader(
        io.StringIO(file_text.lstrip("\ufeff")), delimiter=";" if file_text.count(";") > file_text.count(",") else ","
    )
    columns = {c.strip().lower() for c in (reader.fieldnames or [])}
    if "email" not in columns or "consent" not in columns:
        raise ImportError_([_("The file needs the columns 'email' and 'consent' (consent: ja/yes for every row).")])
    topics = list(site_topics(site))
    topics_by_slug = {t.slug: t for t in topics}
    # Editors know the topics by their names: "Bildung" works as well as "bildung".
    topics_by_slug.update({t.title.strip().lower(): t for t in topics if t.title.strip().lower() not in topics_by_slug})
    existing = set(Subscriber.objects.filter(site=site).values_list("email", flat=True))
    site_settings = NewsletterSettings.for_site(site)
    errors, rows, seen = [], [], set()
    for line, raw in csv_rows(reader):
        if raw is None:
            errors.append(
                _("Line %(line)s: more fields than the header has, or characters that are not text (NUL).")
                % {"line": line}
            )
            continue
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        email = normalise_email(row.get("email"))
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Line %(line)s: '%(value)s' is not a valid email address.")
                % {"line": line, "value": row.get("email", "")}
            )
            continue
        if row.get("consent", "").lower() not in CONSENT_YES:
            errors.append(
                _("Line %(line)s: no documented consent (column 'consent' must say ja/yes).") % {"line": line}
            )
            continue
        consent_at = timezone.now()
        if row.get("consent_date"):
            parsed = parse_consent_date(row["consent_date"])
            if parsed is None:
                errors.append(
                    _("Line %(line)s: consent_date '%(value)s' is not a date (use YYYY-MM-DD).")
                    % {"line": line, "value": row["consent_date"]}
                )
                continue
            consent_at = parsed
        language = row.get("language") or "de"
        if language not in dict(settings.LANGUAGES):
            errors.append(_("Line %(line)s: unknown language '%(value)s'.") % {"line": line, "value": language})
            continue
        edition = row.get("edition") or Edition.STANDARD
        if edition not in Edition.values:
            errors.append(
                _("Line %(line)s: unknown edition '%(value)s' (standard or leichte_sprache).")
                % {"line": line, "value": edition}
            )
            continue
        slugs = [s.strip() for s in row.get("topics", "").split(";") if s.strip()]
        unknown = [s for s in slugs if s not in topics_by_slug and s.lower() not in topics_by_slug]
        if unknown:
            errors.append(unknown_topics_message(line, unknown, topics))
            continue
        slugs = [s if s in topics_by_slug else s.lower() for s in slugs]
        if email in seen:
            errors.append(_("Line %(line)s: %(value)s appears twice in the file.") % {"line": line, "value": email})
            continue
        seen.add(email)
        rows.append(
            (email, row.get("name", "")[:150], language, edition, [topics_by_slug[s] for s in slugs], consent_at)
        )
    if errors:
        raise ImportError_(errors)
    created = 0
    with transaction.atomic():
        for email, name, language, edition, topics, consent_at in rows:
            if email in existing:
                continue
            subscriber = Subscriber.objects.create(
                site=site,
                email=email,
                name=name,
                language=language,
                edition=edition,
                status=Subscriber.Status.ACTIVE,
                consent_at=consent_at,
                consent_source=Subscriber.ConsentSource.IMPORT,
                consent_text_version=site_settings.consent_text_version,
            )
            if topics:
                subscriber.topics.set(topics)
            created += 1
    return created, len(rows) - created


def export_subscribers_csv(site):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_FIELDS)
    for s in Subscriber.objects.filter(site=site).prefetch_related("topics").order_by("email"):
        row = [
            s.email,
            s.name,
            s.language,
            s.edition,
            ";".join(t.slug for t in s.topics.all()),
            s.status,
            s.consent_at.isoformat() if s.consent_at else "",
            s.consent_source,
            s.consent_text_version,
            s.created_at.isoformat(),
        ]
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def subscriber_data(subscriber):
    """Everything we store about a person (DSGVO Art. 15), deliveries included."""
    return {
        "network": subscriber.site.site_name,
        "email": subscriber.email,
        "name": subscriber.name,
        "language": subscriber.language,
        "edition": subscriber.edition,
        "topics": [t.title for t in subscriber.topics.all()],
        "status": subscriber.status,
        "consent": {
            "at": subscriber.consent_at.isoformat() if subscriber.consent_at else None,
            "source": subscriber.consent_source,
            "text_version": subscriber.consent_text_version,
            "ip": subscriber.consent_ip,
        },
        "created_at": subscriber.created_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
        "deliveries": [
            {
                "issue": d.issue.subject,
                "address": d.address,
                "status": d.status,
                "sent_at": d.sent_at.isoformat() if d.sent_at else None,
            }
            for d in subscriber.deliveries.select_related("issue").order_by("pk")
        ],
    }


def subscriber_json(subscriber):
    return json.dumps(subscriber_data(subscriber), ensure_ascii=False, indent=2)


def erase_subscriber(subscriber):
    """DSGVO Art. 17: delete the person; their deliveries stay for the issue's counts but
    without address, error text or link to anyone."""
    from .snapshot import snapshot_lock

    with transaction.atomic():
        snapshot_lock(subscriber.site_id)  # a running snapshot step commits its rows first
        Delivery.objects.filter(subscriber=subscriber).update(subscriber=None, address="", last_error="")
        subscriber.topics.clear()
        subscriber.delete()
