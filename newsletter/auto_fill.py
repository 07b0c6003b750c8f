"""Page-list blocks that fill themselves: "latest news", "upcoming events", "recent meeting
results". The pages an editor chose come first (so any item can be set by hand); then the
block adds up to ``fill`` live pages of the issue's network from the period, optionally of
one action field. Pages published after the send started are not added, so every batch of
one send shows the same items."""

import datetime

from django.utils import timezone


def _reference_time(issue):
    return issue.send_started_at or timezone.now()


def _candidates(kind, issue, value, now):
    from home.models import EventPage, MeetingPage, NewsPage

    days = value.get("period_days") or 30
    site_root = issue.site.root_page
    if kind == "articles":
        pages = NewsPage.objects.filter(date__gte=timezone.localdate(now) - datetime.timedelta(days=days)).order_by(
            "-date", "-first_published_at"
        )
    elif kind == "events":
        pages = EventPage.objects.filter(start__gte=now, start__lte=now + datetime.timedelta(days=days)).order_by(
            "start"
        )
    else:
        pages = MeetingPage.objects.filter(start__lte=now, start__gte=now - datetime.timedelta(days=days)).order_by(
            "-start"
        )
    pages = pages.live().public().descendant_of(site_root).filter(first_published_at__lte=now)
    field = value.get("action_field")
    if field is not None:
        pages = pages.filter(action_fields=field)
    return pages


def block_pages(kind, value, issue):
    """The pages a page-list block shows: chosen ones, then the automatic ones. A chosen page
    that no longer exists stays None so rendering can say so."""
    chosen = list(value["pages"])
    fill = value.get("fill") or 0
    if fill <= 0 or issue is None or issue.site_id is None:
        return chosen
    chosen_ids = {page.pk for page in chosen if page is not None}
    extra = _candidates(kind, issue, value, _reference_time(issue)).exclude(pk__in=chosen_ids)[:fill]
    return chosen + list(extra)
