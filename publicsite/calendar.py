"""The event calendar: recurring events expanded into occurrences, and the reader's filters.

``occurrences()`` is the one place where a repeating event (weekly, every two weeks, monthly,
until a date) becomes dates. The month grid and the list use it directly; the iCalendar feeds
publish the same rule as an RRULE built by ``recurrence_rule()`` from the same parameters, so a
calendar app shows the dates our calendar shows.

Repetitions keep the local wall-clock time (19:00 stays 19:00 across the change to summer
time), and a monthly event on the 31st skips months without a 31st, as RFC 5545 does.

An event belongs to every day it runs: an exhibition from 1 to 6 December is found "today" on
the 4th, at the weekend when it runs over it, among the upcoming events until its last day, and
on each of its days in the month grid. Every filter asks the same question, ``Occurrence.overlaps``.
"""

import calendar as pycalendar
import datetime
from dataclasses import dataclass

from dateutil import rrule
from django.db.models import Q
from django.utils import timezone

from home.models import EventPage
from home.visibility import public

FREQUENCIES = {
    EventPage.Recurrence.WEEKLY: (rrule.WEEKLY, 1),
    EventPage.Recurrence.BIWEEKLY: (rrule.WEEKLY, 2),
    EventPage.Recurrence.MONTHLY: (rrule.MONTHLY, 1),
}
ICAL_FREQ = {rrule.WEEKLY: "WEEKLY", rrule.MONTHLY: "MONTHLY"}


@dataclass(frozen=True)
class Occurrence:
    """One date of an event; ``event`` is the EventPage, start/end are aware datetimes."""

    event: EventPage
    start: datetime.datetime
    end: datetime.datetime | None

    @property
    def date(self):
        return timezone.localtime(self.start).date()

    @property
    def last_date(self):
        """The local date of the last day the occurrence runs on (inclusive).

        An all-day event's end date is its last day; a timed event ending at midnight ends the day before."""
        if self.end is None or self.end <= self.start:
            return self.date
        end = timezone.localtime(self.end)
        if not self.event.all_day and end.time() == datetime.time.min:
            return max(self.date, end.date() - datetime.timedelta(days=1))
        return end.date()

    @property
    def days(self):
        """Every local date the occurrence runs on."""
        return [self.date + datetime.timedelta(days=n) for n in range((self.last_date - self.date).days + 1)]

    @property
    def spans_days(self):
        return self.last_date > self.date

    def overlaps(self, first_day, last_day):
        """Does the occurrence run on any day between two local dates (inclusive)?"""
        return self.date <= last_day and self.last_date >= first_day

    @property
    def is_repetition(self):
        return self.start != self.event.start


def local_naive(value):
    return timezone.make_naive(value, timezone.get_current_timezone())


def recurrence_rule(event):
    """The event's repetition as a dateutil rule in local wall-clock time, or None.

    ``until`` is the end of ``recurrence_until`` (inclusive)."""
    if not event.recurrence or not event.recurrence_until or event.recurrence not in FREQUENCIES:
        return None
    freq, interval = FREQUENCIES[event.recurrence]
    start = local_naive(event.start)
    until = datetime.datetime.combine(event.recurrence_until, datetime.time.max)
    return rrule.rrule(freq, interval=interval, dtstart=start, until=until)


def ical_rrule(event):
    """The same rule as an iCalendar RRULE property value (a dict for the icalendar package)."""
    if recurrence_rule(event) is None:
        return None
    freq, interval = FREQUENCIES[event.recurrence]
    until = datetime.datetime.combine(event.recurrence_until, datetime.time(23, 59, 59))
    value = {"FREQ": ICAL_FREQ[freq], "UNTIL": timezone.make_aware(until).astimezone(datetime.UTC)}
    if interval > 1:
        value["INTERVAL"] = interval
    return value


def occurrences(events, first_day, last_day):
    """All occurrences of ``events`` that run on at least one day between two local dates
    (inclusive), in order of their start: one that began before ``first_day`` and is still
    running is included."""
    tz = timezone.get_current_timezone()
    window_start = datetime.datetime.combine(first_day, datetime.time.min)
    window_end = datetime.datetime.combine(last_day, datetime.time.max)
    found = []
    for event in events:
        duration = event.end - event.start if event.end and event.end > event.start else None
        reach = (duration or datetime.timedelta(0)) + datetime.timedelta(days=1)
        rule = recurrence_rule(event)
        if rule is None:
            starts = [local_naive(event.start)]
        else:
            starts = rule.between(window_start - reach, window_end, inc=True)
        for naive in starts:
            start = event.start if naive == local_naive(event.start) else timezone.make_aware(naive, tz)
            occurrence = Occurrence(event, start, start + duration if duration else None)
            if occurrence.overlaps(first_day, last_day):
                found.append(occurrence)
    found.sort(key=lambda o: (o.start, o.event.title))
    return found


def running_since(events, day):
    """Narrow a queryset to events that may still run on or after ``day`` (a cheap first cut
    before ``occurrences()``): they start on or after it, end on or after it, or repeat until then."""
    return events.filter(Q(start__date__gte=day) | Q(end__date__gte=day) | Q(recurrence_until__gte=day))


def events_of(index_page):
    return (
        public(EventPage.objects.child_of(index_page).live()).prefetch_related("action_fields").select_related("image")
    )


def site_action_fields(index_page, request=None):
    """The action fields of the index page's network (the filter's choices)."""
    from .network import action_fields, site_of

    site = site_of(index_page, request)
    return action_fields(site, request) if site is not None else []


@dataclass
class Filters:
    """What the reader chose in the filter form (all optional)."""

    when: str = ""  # "" (upcoming), "today", "weekend", "past"
    free: bool = False
    action_field: str = ""  # slug
    query: str = ""
    view: str = "list"  # "list" or "month"
    month: datetime.date | None = None  # first day of the shown month

    @classmethod
    def from_request(cls, request, today):
        get = request.GET
        when = get.get("wann", "")
        view = get.get("ansicht", "list")
        month = None
        raw_month = get.get("monat", "")
        if raw_month:
            try:
                month = datetime.datetime.strptime(raw_month, "%Y-%m").date()
            except ValueError:
                month = None
        return cls(
            when=when if when in {"today", "weekend", "past"} else "",
            free=get.get("kostenlos") in {"1", "on", "ja"},
            action_field=get.get("handlungsfeld", "")[:100],
            query=get.get("suche", "").strip()[:100],
            view="month" if view == "month" else "list",
            month=month or today.replace(day=1),
        )


def weekend_of(today):
    """The coming (or current) Saturday and Sunday; on a Sunday only that Sunday is left."""
    if today.weekday() == 6:
        return today, today
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
    return max(saturday, today), saturday + datetime.timedelta(days=1)


def window(filters, today):
    """The date range (first, last) the filters ask for."""
    if filters.view == "month":
        first = filters.month
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        return first, last
    if filters.when == "today":
        return today, today
    if filters.when == "weekend":
        return weekend_of(today)
    if filters.when == "past":
        return today - datetime.timedelta(days=365), today - datetime.timedelta(days=1)
    return today, today + datetime.timedelta(days=365)


def filter_events(events, filters):
    if filters.free:
        events = events.filter(free_of_charge=True)
    if filters.action_field:
        events = events.filter(action_fields__slug=filters.action_field)
    if filters.query:
        q = filters.query
        events = events.filter(
            Q(title__icontains=q) | Q(teaser__icontains=q) | Q(location_name__icontains=q) | Q(city__icontains=q)
        )
    return events.distinct()


def month_weeks(first_day, found):
    """Weeks (Monday first) of the month as lists of (date or None, [(occurrence, continued)]):
    an event running over several days is on each of them, ``continued`` on all but its first."""
    by_day = {}
    for occurrence in found:
        for day in occurrence.days:
            by_day.setdefault(day, []).append((occurrence, day != occurrence.date))
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month):
        weeks.append([(day, by_day.get(day, [])) if day.month == first_day.month else (None, []) for day in week])
    return weeks


def calendar_context(index_page, request, today=None):
    """Everything the event calendar template needs."""
    today = today or timezone.localdate()
    filters = Filters.from_request(request, today)
    first, last = window(filters, today)
    found = occurrences(filter_events(events_of(index_page), filters), first, last)
    if filters.when == "past" and filters.view == "list":
        found = [o for o in found if o.last_date < today]  # still running: not past yet
        found.reverse()
    month = filters.month
    previous_month = (month - datetime.timedelta(days=1)).replace(day=1)
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    weeks = month_weeks(month, found) if filters.view == "month" else []
    return {
        "filters": filters,
        "occurrences": found[:200],
        "window": (first, last),
        "today": today,
        "action_fields": site_action_fields(index_page, request),
        "weeks": weeks,
        # the same month as a list of the days with events: what a phone shows instead of the grid
        "agenda": [(day, items) for week in weeks for day, items in week if day and items],
        "previous_month": previous_month,
        "next_month": next_month,
    }
