"""Feeds a reader can subscribe to: iCalendar (per site, per action field, one event), RSS and
Atom news (per site, per action field), and a contact's vCard.

Everything is looked up within the network (Wagtail site) the request is addressed to: another
network's event, action field or contact is a 404, never a leak.
"""

import datetime

import vobject
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Site

from home.models import ActionFieldPage, Contact, EventPage, NewsIndexPage, NewsPage
from home.visibility import public

from .calendar import ical_rrule, running_since

FEED_ITEMS = 30


def site_of(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No network at this address.")
    return site


def action_field_of(site, slug):
    if not slug:
        return None
    field = ActionFieldPage.objects.descendant_of(site.root_page).live().public().filter(slug=slug).first()
    if field is None:
        raise Http404("No such action field in this network.")
    return field


def absolute(request, page):
    return request.build_absolute_uri(page.get_url(request=request))


# --- iCalendar ---------------------------------------------------------------------------------


def ical_event(request, event):
    """One VEVENT; a repeating event carries its RRULE (the rule the calendar page expands)."""
    host = request.get_host().split(":")[0]
    vevent = Event()
    vevent.add("uid", f"event-{event.pk}@{host}")
    vevent.add("summary", event.title)
    vevent.add("dtstamp", event.last_published_at or timezone.now())
    if event.all_day:
        first = timezone.localtime(event.start).date()
        last = timezone.localtime(event.end).date() if event.end else first
        vevent.add("dtstart", first)
        vevent.add("dtend", last + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", timezone.localtime(event.start))
        if event.end:
            vevent.add("dtend", timezone.localtime(event.end))
    rule = ical_rrule(event)
    if rule:
        vevent.add("rrule", rule)
    place = ", ".join(
        part for part in (event.location_name, event.street, f"{event.postal_code} {event.city}".strip()) if part
    )
    if place:
        vevent.add("location", place)
    description = event.teaser
    if event.online_url:
        description = f"{description}\n{_('Online')}: {event.online_url}".strip()
    if description:
        vevent.add("description", description)
    vevent.add("url", absolute(request, event))
    if not event.free_of_charge:
        vevent.add("categories", [_("With a fee")])
    return vevent


def ical_response(calendar, filename):
    """The calendar as a file, with a VTIMEZONE for every TZID it uses (RFC 5545 3.2.19), so a
    strict client does not have to guess what Europe/Berlin means."""
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Miteinander//Veranstaltungskalender//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    return calendar


def events_ical(request, action_field=None):
    """The calendar of a network (optionally of one action field): events from 60 days ago on."""
    site = site_of(request)
    field = action_field_of(site, action_field)
    events = public(EventPage.objects.descendant_of(site.root_page).live()).order_by("start")
    since = timezone.localdate() - datetime.timedelta(days=60)
    events = running_since(events, since)
    if field is not None:
        events = events.filter(action_fields=field)
    name = site.site_name + (f" – {field.title}" if field else "")
    calendar = new_calendar(name)
    for event in events.distinct():
        calendar.add_component(ical_event(request, event))
    return ical_response(calendar, f"{field.slug if field else 'veranstaltungen'}.ics")


def event_ical(request, page_id):
    """One event as a file to add to one's calendar."""
    site = site_of(request)
    event = get_object_or_404(EventPage.objects.descendant_of(site.root_page).live().public(), pk=page_id)
    calendar = new_calendar(event.title)
    calendar.add_component(ical_event(request, event))
    return ical_response(calendar, f"{event.slug}.ics")


# --- news: RSS and Atom ----------------------------------------------------------------------


class NewsFeed(Feed):
    """The latest news of a network, optionally of one action field (RSS 2.0)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, action_field=None):
        self.request = request
        site = site_of(request)
        return site, action_field_of(site, action_field)

    def title(self, obj):
        site, field = obj
        return f"{site.site_name} – {_('News')}" + (f": {field.title}" if field else "")

    def link(self, obj):
        site, field = obj
        if field is not None:
            return field.get_url(request=self.request)
        index = NewsIndexPage.objects.descendant_of(site.root_page).live().first()
        return index.get_url(request=self.request) if index else site.root_page.get_url(request=self.request)

    def description(self, obj):
        site, field = obj
        return _("News of %(network)s") % {"network": site.site_name}

    def items(self, obj):
        site, field = obj
        news = public(NewsPage.objects.descendant_of(site.root_page).live()).order_by("-date", "-pk")
        if field is not None:
            news = news.filter(action_fields=field)
        return news[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return absolute(self.request, item)

    item_guid_is_permalink = True

    def item_categories(self, item):
        return [field.title for field in item.action_fields.all()]


class NewsAtomFeed(NewsFeed):
    """The same news as Atom 1.0."""

    feed_type = Atom1Feed
    subtitle = NewsFeed.description


# --- contacts ---------------------------------------------------------------------------------


def vcard_of(contact):
    card = vobject.vCard()
    card.add("fn").value = contact.name
    parts = contact.name.rsplit(" ", 1)
    card.add("n").value = vobject.vcard.Name(family=parts[-1], given=parts[0] if len(parts) > 1 else "")
    if contact.organisation:
        card.add("org").value = [contact.organisation.name]
    if contact.role:
        card.add("title").value = contact.role
    if contact.phone:
        tel = card.add("tel")
        tel.value = contact.phone
        tel.type_param = "WORK"
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.street or contact.city:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=contact.street,
            city=contact.city,
            code=contact.postal_code,
            country="Deutschland",
            extended=contact.room,
        )
        adr.type_param = "WORK"
    hours = "; ".join(str(hour) for hour in contact.office_hours.all())
    note = " ".join(part for part in (hours, contact.office_hours_note) if part)
    if note:
        card.add("note").value = f"{_('Office hours')}: {note}"
    return card.serialize()


def contact_vcard(request, contact_id):
    """ "Adresse speichern": the contact as a vCard 3.0 for the address book."""
    site = site_of(request)
    contact = get_object_or_404(Contact.objects.filter(site=site), pk=contact_id)
    response = HttpResponse(vcard_of(contact), content_type="text/vcard; charset=utf-8")
    slug = "".join(ch if ch.isalnum() else "-" for ch in contact.name.lower()).strip("-")
    response["Content-Disposition"] = f'attachment; filename="{slug or "kontakt"}.vcf"'
    return response
