"""Recurring events become the right dates; the reader's filters pick the right ones."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from publicsite.calendar import calendar_context, occurrences, weekend_of

D = datetime.date
DT = datetime.datetime


def dates(found):
    return [o.date for o in found]


def local_times(found):
    return [timezone.localtime(o.start).strftime("%Y-%m-%d %H:%M") for o in found]


@pytest.mark.django_db
def test_weekly_event_keeps_its_wall_clock_time_across_the_change_to_winter_time(calendar):
    event = calendar.add_event(
        "Sprachcafé", DT(2026, 10, 13, 19, 0), recurrence="weekly", recurrence_until=D(2026, 11, 3)
    )
    found = occurrences([event], D(2026, 10, 1), D(2026, 12, 31))
    assert local_times(found) == ["2026-10-13 19:00", "2026-10-20 19:00", "2026-10-27 19:00", "2026-11-03 19:00"]
    assert all(o.end - o.start == datetime.timedelta(hours=2) for o in found)


@pytest.mark.django_db
def test_biweekly_event_skips_every_other_week_and_stops_at_its_end_date(calendar):
    event = calendar.add_event(
        "Elterntreff", DT(2026, 11, 2, 10, 0), recurrence="biweekly", recurrence_until=D(2026, 12, 13)
    )
    assert dates(occurrences([event], D(2026, 11, 1), D(2027, 1, 31))) == [
        D(2026, 11, 2),
        D(2026, 11, 16),
        D(2026, 11, 30),
    ]


@pytest.mark.django_db
def test_monthly_event_on_the_31st_skips_short_months(calendar):
    event = calendar.add_event(
        "Monatsrunde", DT(2026, 1, 31, 18, 0), recurrence="monthly", recurrence_until=D(2026, 6, 30)
    )
    assert dates(occurrences([event], D(2026, 1, 1), D(2026, 12, 31))) == [
        D(2026, 1, 31),
        D(2026, 3, 31),
        D(2026, 5, 31),
    ]


@pytest.mark.django_db
def test_window_cuts_a_series_and_single_events_outside_are_left_out(calendar):
    series = calendar.add_event(
        "Nähcafé", DT(2026, 11, 4, 15, 0), recurrence="weekly", recurrence_until=D(2026, 12, 30)
    )
    single = calendar.add_event("Fest", DT(2026, 10, 1, 12, 0))
    found = occurrences([series, single], D(2026, 12, 1), D(2026, 12, 14))
    assert [(o.event.title, o.date) for o in found] == [("Nähcafé", D(2026, 12, 2)), ("Nähcafé", D(2026, 12, 9))]


def test_weekend_is_the_coming_saturday_and_sunday():
    assert weekend_of(D(2026, 11, 25)) == (D(2026, 11, 28), D(2026, 11, 29))  # Wednesday
    assert weekend_of(D(2026, 11, 28)) == (D(2026, 11, 28), D(2026, 11, 29))  # Saturday
    assert weekend_of(D(2026, 11, 29)) == (D(2026, 11, 29), D(2026, 11, 29))  # Sunday


def shown(calendar, today, **params):
    request = RequestFactory().get("/veranstaltungen/", params, HTTP_HOST="kalender.localhost")
    context = calendar_context(calendar.index, request, today=today)
    return [(o.event.title, o.date) for o in context["occurrences"]], context


@pytest.mark.django_db
def test_filters_today_weekend_free_action_field_text_and_past(calendar):
    today = D(2026, 11, 25)  # a Wednesday
    calendar.add_event("Sprachcafé", DT(2026, 11, 25, 18, 0), action_fields=[calendar.field])
    calendar.add_event("Flohmarkt", DT(2026, 11, 28, 10, 0), free_of_charge=False, location_name="Marktplatz")
    calendar.add_event("Lauftreff", DT(2026, 11, 29, 9, 0), recurrence="weekly", recurrence_until=D(2026, 12, 31))
    calendar.add_event("Rückblick", DT(2026, 11, 10, 18, 0))

    assert shown(calendar, today, wann="today")[0] == [("Sprachcafé", D(2026, 11, 25))]
    assert shown(calendar, today, wann="weekend")[0] == [("Flohmarkt", D(2026, 11, 28)), ("Lauftreff", D(2026, 11, 29))]
    weekend_free = shown(calendar, today, wann="weekend", kostenlos="1")[0]
    assert weekend_free == [("Lauftreff", D(2026, 11, 29))]
    assert shown(calendar, today, handlungsfeld="bildung")[0] == [("Sprachcafé", D(2026, 11, 25))]
    assert shown(calendar, today, suche="markt")[0] == [("Flohmarkt", D(2026, 11, 28))]
    assert shown(calendar, today, wann="past")[0] == [("Rückblick", D(2026, 11, 10))]
    upcoming = shown(calendar, today)[0]
    assert upcoming[:3] == [
        ("Sprachcafé", D(2026, 11, 25)),
        ("Flohmarkt", D(2026, 11, 28)),
        ("Lauftreff", D(2026, 11, 29)),
    ]
    assert ("Lauftreff", D(2026, 12, 27)) in upcoming and ("Rückblick", D(2026, 11, 10)) not in upcoming


@pytest.mark.django_db
def test_month_grid_places_every_repetition_on_its_day(calendar):
    calendar.add_event("Lauftreff", DT(2026, 11, 29, 9, 0), recurrence="weekly", recurrence_until=D(2026, 12, 31))
    _, context = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-12")
    days_with_events = [day for week in context["weeks"] for day, items in week if items]
    assert days_with_events == [D(2026, 12, 6), D(2026, 12, 13), D(2026, 12, 20), D(2026, 12, 27)]
    assert all(len(week) == 7 for week in context["weeks"])
    assert context["weeks"][0][0][0] is None  # 1 December 2026 is a Tuesday: Monday is blank


@pytest.mark.django_db
def test_bad_month_falls_back_to_the_current_month(calendar):
    _, context = shown(calendar, D(2026, 11, 25), ansicht="month", monat="2026-13")
    assert context["filters"].month == D(2026, 11, 1)


@pytest.mark.django_db
def test_calendar_page_renders_the_month_as_a_table_with_headers(calendar, client):
    calendar.add_event("Lauftreff", timezone.now().replace(hour=9, minute=0, second=0, microsecond=0))
    response = client.get("/veranstaltungen/?ansicht=month", HTTP_HOST="kalender.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and html.count('<th scope="col">') == 7
    assert "Lauftreff" in html
