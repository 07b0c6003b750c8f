"""Feeds open in the libraries readers' programs use: icalendar, feedparser, vobject."""

import datetime

import feedparser
import icalendar
import pytest
import vobject
from dateutil.rrule import rrulestr
from django.utils import timezone

from conftest import publish
from home.models import ActionFieldPage, OfficeHour
from publicsite.calendar import occurrences

D = datetime.date
DT = datetime.datetime
HOST = {"HTTP_HOST": "kalender.localhost"}


def parse_ics(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_site_calendar_lists_events_with_times_place_and_link(calendar, client):
    calendar.add_event(
        "Sprachcafé", DT(2099, 3, 3, 18, 0), location_name="Stadtteilhaus", city="Hildesheim", postal_code="31134"
    )
    cal = parse_ics(client.get("/feeds/veranstaltungen.ics", **HOST))
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Sprachcafé"
    start = event.decoded("DTSTART")
    assert start == timezone.make_aware(DT(2099, 3, 3, 18, 0))
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=2)
    assert "Stadtteilhaus" in str(event["LOCATION"]) and "31134 Hildesheim" in str(event["LOCATION"])
    assert str(event["URL"]).startswith("http://kalender.localhost/veranstaltungen/")


@pytest.mark.django_db
def test_repeating_event_carries_an_rrule_giving_the_dates_the_calendar_page_shows(calendar, client):
    event = calendar.add_event(
        "Nähcafé", DT(2099, 10, 13, 19, 0), recurrence="biweekly", recurrence_until=D(2099, 12, 1)
    )
    (vevent,) = parse_ics(client.get("/feeds/veranstaltungen.ics", **HOST)).walk("VEVENT")
    dtstart = vevent.decoded("DTSTART")
    rule = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=dtstart)
    from_feed = [timezone.localtime(d) for d in rule]
    ours = [timezone.localtime(o.start) for o in occurrences([event], D(2099, 1, 1), D(2100, 12, 31))]
    assert [d.replace(tzinfo=None) for d in from_feed] == [d.replace(tzinfo=None) for d in ours]
    assert len(ours) == 4 and all(d.hour == 19 for d in from_feed)


@pytest.mark.django_db
def test_action_field_calendar_has_only_that_fields_events_and_unknown_field_is_404(calendar, client):
    calendar.add_event("Hausaufgabenhilfe", DT(2099, 3, 3, 15, 0), action_fields=[calendar.field])
    calendar.add_event("Fußballturnier", DT(2099, 3, 4, 15, 0))
    cal = parse_ics(client.get("/feeds/veranstaltungen/bildung.ics", **HOST))
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Hausaufgabenhilfe"]
    assert client.get("/feeds/veranstaltungen/gibt-es-nicht.ics", **HOST).status_code == 404


@pytest.mark.django_db
def test_single_event_ics_and_no_event_of_another_network(calendar, make_network, client):
    event = calendar.add_event("Fest der Kulturen", DT(2099, 6, 6, 12, 0), all_day=True)
    (vevent,) = parse_ics(client.get(f"/feeds/veranstaltung/{event.pk}.ics", **HOST)).walk("VEVENT")
    assert vevent.decoded("DTSTART") == D(2099, 6, 6)
    make_network("andere")
    assert client.get(f"/feeds/veranstaltung/{event.pk}.ics", HTTP_HOST="andere.localhost").status_code == 404


@pytest.mark.django_db
def test_news_rss_and_atom_per_site_and_per_action_field(calendar, client):
    other_field = publish(calendar.home.add_child(instance=ActionFieldPage(title="Arbeiten", slug="arbeiten")))
    for url in ("/feeds/aktuelles.rss", "/feeds/aktuelles.atom"):
        feed = feedparser.parse(client.get(url, **HOST).content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["Sprachcafé in kalender"]
        assert feed.entries[0].link == "http://kalender.localhost/aktuelles/sprachcafe/"
        assert feed.entries[0].summary == "Jeden Dienstag üben wir Deutsch."
    assert (
        feedparser.parse(client.get("/feeds/aktuelles/bildung.atom", **HOST).content).entries[0].tags[0].term
        == "Bildung"
    )
    assert feedparser.parse(client.get(f"/feeds/aktuelles/{other_field.slug}.rss", **HOST).content).entries == []
    assert (
        feedparser.parse(client.get("/feeds/aktuelles.rss", HTTP_HOST="kalender.localhost").content).version == "rss20"
    )


@pytest.mark.django_db
def test_vcard_of_a_contact_with_address_and_office_hours(calendar, client):
    contact = calendar.contact
    contact.phone, contact.email = "05121 123456", "kontakt@example.org"
    contact.street, contact.postal_code, contact.city = "Marktstraße 1", "31134", "Hildesheim"
    contact.office_hours = [OfficeHour(weekday=1, opens=datetime.time(9), closes=datetime.time(12))]
    contact.save()
    response = client.get(f"/feeds/kontakt/{contact.pk}.vcf", **HOST)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/vcard")
    assert "attachment" in response["Content-Disposition"]
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Kontakt kalender"
    assert card.tel.value == "05121 123456" and card.email.value == "kontakt@example.org"
    assert card.adr.value.street == "Marktstraße 1" and card.adr.value.city == "Hildesheim"
    assert "09:00" in card.note.value


@pytest.mark.django_db
def test_vcard_of_another_networks_contact_is_404(two_networks, client):
    contact = two_networks.b.contact
    assert client.get(f"/feeds/kontakt/{contact.pk}.vcf", HTTP_HOST="alpha.localhost").status_code == 404
    assert client.get(f"/feeds/kontakt/{contact.pk}.vcf", HTTP_HOST="beta.localhost").status_code == 200


def strictly_valid(content):
    """The file as a strict RFC 5545 parser (``ical``, pydantic models) reads it; and every TZID a
    property names has its VTIMEZONE in the same file."""
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(content.decode())
    parsed = icalendar.Calendar.from_ical(content)
    zones = {str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")}
    used = {
        str(prop.params["TZID"])
        for component in parsed.walk()
        for prop in component.values()
        if hasattr(prop, "params") and "TZID" in prop.params
    }
    assert used <= zones, f"TZID without VTIMEZONE: {used - zones}"
    return calendar, zones


@pytest.mark.django_db
def test_every_ics_file_carries_the_berlin_timezone_and_passes_a_strict_parser(calendar, client):
    timed = calendar.add_event("Sprachcafé", DT(2099, 3, 3, 18, 0))
    calendar.add_event("Nähcafé", DT(2099, 10, 13, 19, 0), recurrence="weekly", recurrence_until=D(2099, 12, 1))
    calendar.add_event("Hausaufgabenhilfe", DT(2099, 7, 3, 15, 0), action_fields=[calendar.field])
    for url in (
        "/feeds/veranstaltungen.ics",
        "/feeds/veranstaltungen/bildung.ics",
        f"/feeds/veranstaltung/{timed.pk}.ics",
    ):
        response = client.get(url, **HOST)
        assert response.status_code == 200
        strict, zones = strictly_valid(response.content)
        assert zones == {"Europe/Berlin"}, url
        assert strict.events, url
        first = strict.events[0]
        assert first.dtstart.tzinfo is not None and first.dtstart.utcoffset() in (
            datetime.timedelta(hours=1),
            datetime.timedelta(hours=2),
        )
    (zone,) = icalendar.Calendar.from_ical(client.get("/feeds/veranstaltungen.ics", **HOST).content).walk("VTIMEZONE")
    assert {sub.name for sub in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    strict, _ = strictly_valid(client.get("/feeds/veranstaltungen.ics", **HOST).content)
    summer = [e for e in strict.events if e.summary == "Nähcafé"][0]
    assert summer.dtstart.hour == 19 and summer.dtstart.utcoffset() == datetime.timedelta(hours=2)
