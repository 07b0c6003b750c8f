from django.urls import path

from . import feeds

app_name = "publicsite"

urlpatterns = [
    path("veranstaltungen.ics", feeds.events_ical, name="events_ical"),
    path("veranstaltungen/<slug:action_field>.ics", feeds.events_ical, name="events_ical_field"),
    path("veranstaltung/<int:page_id>.ics", feeds.event_ical, name="event_ical"),
    path("aktuelles.rss", feeds.NewsFeed(), name="news_rss"),
    path("aktuelles.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("aktuelles/<slug:action_field>.rss", feeds.NewsFeed(), name="news_rss_field"),
    path("aktuelles/<slug:action_field>.atom", feeds.NewsAtomFeed(), name="news_atom_field"),
    path("kontakt/<int:contact_id>.vcf", feeds.contact_vcard, name="contact_vcard"),
]
