"""An event that runs over several days is found on every one of them, by every filter: today,
the weekend, upcoming (until its last day, not under past), the month grid, the feeds and the
start page's "next events"; the same for every repetition of a repeating multi-day event."""

import datetime

import icalendar
import pytest
from django.test import RequestFactory
from django.utils import formats, timezone

from home.models import EventIndexPage
from publicsite.calendar import calendar_context, occurrences

D = datetime.date
DT = datetime.datetime
HOST = {"HTTP_HOST": "kalender.localhost"}


def shown(calendar, today, **params):
    request = RequestFactory().get("/veranstaltungen/", params, HTTP_HOST="kalender.localhost")
    context = calendar_context(calendar.index, request, today=today)
    return [(o.event.title, o.date) for o in context["occurrences"]], context


def grid_days(context, title):
    """The days of the month grid that list ``title``, and on which of them it is a continuation."""
    days, continued = [], []
    for week in context["weeks"]:
        for day, items in week:
            for occurrence, is_continuation in items:
                if occurrence.event.title == title:
                    days.append(day)
                    if is_continuation:
                        continued.append(day)
    return days, continued


@pytest.fixture
def exhibition(calendar):
    """An exhibition from Tuesday 1 December, 10:00, to Sunday 6 December 2026, 18:00."""
    return calendar.add_event("Ausstellung Heimat", DT(2026, 12, 1, 10, 0), hours=5 * 24 + 8)


@pytest.mark.django_db
def test_exhibition_is_found_today_on_each_of_its_days_and_not_the_day_after(calendar, exhibition):
    for day in range(1, 7):
        assert shown(calendar, D(2026, 12, day), wann="today")[0] == [("Ausstellung Heimat", D(2026, 12, 1))], day
    assert shown(calendar, D(2026, 12, 7), wann="today")[0] == []


@pytest.mark.django_db
def test_running_exhibition_is_upcoming_until_its_last_day_and_only_then_past(calendar, exhibition):
    assert shown(calendar, D(2026, 12, 4))[0] == [("Ausstellung Heimat", D(2026, 12, 1))]
    assert shown(calendar, D(2026, 12, 4), wann="past")[0] == []
    assert shown(calendar, D(2026, 12, 6), wann="past")[0] == []
    assert shown(calendar, D(2026, 12, 7))[0] == []
    assert shown(calendar, D(2026, 12, 7), wann="past")[0] == [("Ausstellung Heimat", D(2026, 12, 1))]


@pytest.mark.django_db
def test_exhibition_running_over_the_weekend_is_in_this_weekend(calendar, exhibition):
    assert shown(calendar, D(2026, 12, 2), wann="weekend")[0] == [("Ausstellung Heimat", D(2026, 12, 1))]
    # on Sunday, the weekend is that Sunday, and the exhibition still runs
    assert shown(calendar, D(2026, 12, 6), wann="weekend")[0] == [("Ausstellung Heimat", D(2026, 12, 1))]


@pytest.mark.django_db
def test_friday_to_sunday_event_is_in_the_weekend_and_an_event_ending_on_friday_is_not(calendar):
    calendar.add_event("Jugendfreizeit", DT(2026, 12, 11, 17, 0), hours=2 * 24)  # Fri 17:00 – Sun 17:00
    calendar.add_event("Seminar", DT(2026, 12, 9, 9, 0), hours=2 * 24 + 8)  # Wed – Fri
    found, _ = shown(calendar, D(2026, 12, 9), wann="weekend")
    assert found == [("Jugendfreizeit", D(2026, 12, 11))]
    # on Saturday the event that began on Friday is still this weekend's
    assert shown(calendar, D(2026, 12, 12), wann="weekend")[0] == [("Jugendfreizeit", D(2026, 12, 11))]


@pytest.mark.django_db
def test_month_grid_shows_the_exhibition_on_every_day_it_runs(calendar, exhibition):
    _, context = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-12")
    days, continued = grid_days(context, "Ausstellung Heimat")
    assert days == [D(2026, 12, n) for n in range(1, 7)]
    assert continued == [D(2026, 12, n) for n in range(2, 7)]


@pytest.mark.django_db
def test_phones_get_the_month_as_a_list_of_its_days_with_events(calendar, exhibition, client):
    calendar.add_event("Sprachcafé", DT(2026, 12, 15, 16, 0))
    _, context = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-12")
    assert [day for day, _items in context["agenda"]] == [D(2026, 12, n) for n in (1, 2, 3, 4, 5, 6, 15)]
    html = client.get("/veranstaltungen/", {"ansicht": "month", "monat": "2026-12"}, **HOST).content.decode()
    agenda = html[html.index('class="month-agenda"') :]
    assert '<time datetime="2026-12-15">Dienstag, 15. Dezember</time>' in agenda
    assert '<span class="month__time">16:00</span> Sprachcafé' in agenda


@pytest.mark.django_db
def test_month_grid_shows_an_event_begun_last_month_on_its_days_in_this_month(calendar):
    calendar.add_event("Aktionswoche", DT(2026, 11, 28, 0, 0), all_day=True, hours=4 * 24)  # 28 Nov – 2 Dec
    _, november = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-11")
    _, december = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-12")
    assert grid_days(november, "Aktionswoche")[0] == [D(2026, 11, 28), D(2026, 11, 29), D(2026, 11, 30)]
    assert grid_days(december, "Aktionswoche") == ([D(2026, 12, 1), D(2026, 12, 2)], [D(2026, 12, 1), D(2026, 12, 2)])


@pytest.mark.django_db
def test_event_ending_at_midnight_does_not_spill_into_the_next_day(calendar):
    calendar.add_event("Lange Nacht", DT(2026, 12, 4, 20, 0), hours=4)  # ends 5 Dec 00:00
    assert shown(calendar, D(2026, 12, 5), wann="today")[0] == []
    _, context = shown(calendar, D(2026, 12, 1), ansicht="month", monat="2026-12")
    assert grid_days(context, "Lange Nacht")[0] == [D(2026, 12, 4)]


@pytest.mark.django_db
def test_repeating_weekend_event_is_found_on_each_of_its_days_every_week(calendar):
    calendar.add_event(
        "Wochenendkurs",
        DT(2026, 12, 4, 16, 0),
        hours=24 + 4,  # Friday 16:00 – Saturday 20:00
        recurrence="weekly",
        recurrence_until=D(2026, 12, 31),
    )
    # Saturday 12 December: the repetition that began on Friday the 11th runs today and this weekend
    assert shown(calendar, D(2026, 12, 12), wann="today")[0] == [("Wochenendkurs", D(2026, 12, 11))]
    assert shown(calendar, D(2026, 12, 12), wann="weekend")[0] == [("Wochenendkurs", D(2026, 12, 11))]
    assert shown(calendar, D(2026, 12, 12))[0][0] == ("Wochenendkurs", D(2026, 12, 11))
    assert shown(calendar, D(2026, 12, 13), wann="today")[0] == []
    _, context = shown(calendar, D(2026, 12, 1), ansicht="month", monat="2026-12")
    days, continued = grid_days(context, "Wochenendkurs")
    assert days == [D(2026, 12, n) for n in (4, 5, 11, 12, 18, 19, 25, 26)]
    assert continued == [D(2026, 12, n) for n in (5, 12, 19, 26)]


@pytest.mark.django_db
def test_occurrences_include_a_repetition_that_began_before_the_window(calendar):
    event = calendar.add_event(
        "Ferienprogramm", DT(2026, 7, 6, 9, 0), hours=4 * 24 + 7, recurrence="weekly", recurrence_until=D(2026, 8, 31)
    )
    found = occurrences([event], D(2026, 7, 15), D(2026, 7, 15))  # Wednesday of the second week
    assert [o.date for o in found] == [D(2026, 7, 13)]
    assert found[0].days == [D(2026, 7, n) for n in range(13, 18)]


@pytest.mark.django_db
def test_calendar_page_lists_a_running_exhibition_with_its_first_and_last_day(calendar, client):
    today = timezone.localdate()
    start = timezone.make_aware(DT.combine(today - datetime.timedelta(days=3), datetime.time(10, 0)))
    calendar.add_event("Fotoausstellung", start, hours=6 * 24)
    html = client.get("/veranstaltungen/", **HOST).content.decode()
    assert "Fotoausstellung" in html
    last_day = timezone.localtime(start + datetime.timedelta(days=6))
    when = html.split("Fotoausstellung", 1)[1].split("</time>")[0]
    assert f" – {formats.date_format(last_day, 'l, j. F Y, H:i')}" in when
    assert "Fotoausstellung" in client.get("/veranstaltungen/?wann=today", **HOST).content.decode()
    assert "Fotoausstellung" not in client.get("/veranstaltungen/?wann=past", **HOST).content.decode()


@pytest.mark.django_db
def test_feed_and_next_events_keep_a_long_exhibition_that_began_months_ago(calendar, client):
    today = timezone.localdate()
    start = timezone.make_aware(DT.combine(today - datetime.timedelta(days=90), datetime.time(10, 0)))
    calendar.add_event("Dauerausstellung", start, hours=120 * 24)
    cal = icalendar.Calendar.from_ical(client.get("/feeds/veranstaltungen.ics", **HOST).content)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Dauerausstellung"]
    index = EventIndexPage.objects.get(pk=calendar.index.pk)
    assert [e.title for e in index.upcoming_events(today)] == ["Dauerausstellung"]
