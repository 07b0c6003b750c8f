"""The periodic digest: each site's schedule (weekly or monthly, e.g. first Tuesday 08:00) in
its newsletter settings; a beat entry every few minutes runs ``compose_due_digests``."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from home.models import EventPage, MeetingPage, NewsPage

from .models import DigestFrequency, NewsletterIssue, NewsletterSettings

EVENT_WEEKS_AHEAD = 6


def _monthly_date(year, month, weekday, ordinal):
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if datetime.date(year, month, d).weekday() == weekday
    ]
    return datetime.date(year, month, days[-1] if ordinal >= 5 else days[min(ordinal, len(days)) - 1])


def last_scheduled_slot(site_settings, now):
    """The most recent scheduled moment at or before ``now`` (aware), or None when off."""
    tz = timezone.get_current_timezone()
    local = timezone.localtime(now, tz)
    at = site_settings.digest_time
    if isinstance(at, str):
        at = datetime.time.fromisoformat(at)
    if site_settings.digest_frequency == DigestFrequency.WEEKLY:
        day = local.date() - datetime.timedelta(days=(local.weekday() - site_settings.digest_weekday) % 7)
        slot = datetime.datetime.combine(day, at, tzinfo=tz)
        return slot if slot <= local else slot - datetime.timedelta(days=7)
    if site_settings.digest_frequency == DigestFrequency.MONTHLY:
        year, month = local.year, local.month
        for _ in range(2):
            slot = datetime.datetime.combine(
                _monthly_date(year, month, site_settings.digest_weekday, site_settings.digest_ordinal), at, tzinfo=tz
            )
            if slot <= local:
                return slot
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return None
    return None


def compose_digest(site, since, now):
    """A draft issue with what the site published since ``since``; None when nothing is new."""
    root = site.root_page
    news = list(
        NewsPage.objects.live().public().descendant_of(root).filter(first_published_at__gt=since).order_by("-date")[:10]
    )
    events = list(
        EventPage.objects.live()
        .public()
        .descendant_of(root)
        .filter(start__gte=now, start__lte=now + datetime.timedelta(weeks=EVENT_WEEKS_AHEAD))
        .order_by("start")[:10]
    )
    meetings = list(
        MeetingPage.objects.live()
        .public()
        .descendant_of(root)
        .filter(status=MeetingPage.Status.DOCUMENTED, last_published_at__gt=since)
        .order_by("-start")[:5]
    )
    if not (news or meetings or [e for e in events if e.first_published_at and e.first_published_at > since]):
        return None
    body = []
    if news:
        body.append(("articles", {"heading": "Aktuelles", "pages": news}))
    if events:
        body.append(("events", {"heading": "Termine", "pages": events}))
    if meetings:
        body.append(("meeting_results", {"heading": "Ergebnisse aus den Sitzungen", "pages": meetings}))
    date_label = timezone.localtime(now).strftime("%d.%m.%Y")
    issue = NewsletterIssue(
        site=site, subject=f"Neuigkeiten aus {site.site_name} – {date_label}", is_digest=True, live=False
    )
    issue.body = body
    issue.save()
    issue.save_revision()
    return issue


def compose_due_digests(now=None):
    """Compose the digest of every site whose schedule came due since its last run."""
    from .sending import start_send

    now = now or timezone.now()
    composed = []
    for site_settings in NewsletterSettings.objects.exclude(digest_frequency=DigestFrequency.OFF).select_related(
        "site"
    ):
        slot = last_scheduled_slot(site_settings, now)
        if slot is None or (site_settings.last_digest_at and site_settings.last_digest_at >= slot):
            continue
        with transaction.atomic():
            locked = NewsletterSettings.objects.select_for_update().get(pk=site_settings.pk)
            if locked.last_digest_at and locked.last_digest_at >= slot:
                continue
            last_issue = NewsletterIssue.objects.filter(site=locked.site).order_by("-created_at").first()
            since = locked.last_digest_at or (
                last_issue.created_at if last_issue else now - datetime.timedelta(days=31)
            )
            issue = compose_digest(locked.site, since, now)
            locked.last_digest_at = now
            locked.save(update_fields=["last_digest_at"])
        if issue is None:
            continue
        composed.append(issue)
        if locked.digest_mode == NewsletterSettings.DigestMode.AUTOMATIC:
            issue.get_latest_revision().publish()
            start_send(issue.pk)
    return composed
