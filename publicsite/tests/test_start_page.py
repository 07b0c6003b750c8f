"""A network's start page leads with its latest news and next events, and its menu folds on phones."""

import datetime

from django.utils import timezone

from conftest import publish
from home.models import EventIndexPage, EventPage


def test_start_page_shows_latest_news_and_next_events_including_one_running_now(client, make_network):
    net = make_network("start")
    calendar = publish(net.home.add_child(instance=EventIndexPage(title="Termine", slug="termine")))
    now = timezone.now()
    for title, start, days in (
        ("Ausstellung Heimat", now - datetime.timedelta(days=2), 5),  # runs today
        ("Sprachcafé im Dezember", now + datetime.timedelta(days=3), 0),
        ("Vergangenes Fest", now - datetime.timedelta(days=30), 0),
    ):
        event = calendar.add_child(
            instance=EventPage(
                title=title,
                slug=title.lower().replace(" ", "-").replace("é", "e"),
                start=start,
                end=start + datetime.timedelta(days=days, hours=2),
            )
        )
        publish(event)

    html = client.get("/", HTTP_HOST="start.localhost").content.decode()

    news = html[html.index('id="start-news-heading"') : html.index("</section>", html.index('id="start-news-heading"'))]
    assert "Neueste Meldungen" in news and "Sprachcafé in start" in news and 'href="/aktuelles/"' in news
    events = html[html.index('id="start-events-heading"') :]
    events = events[: events.index("</section>")]
    assert "Nächste Termine" in events and 'href="/termine/">Alle Termine' in events
    assert events.index("Ausstellung Heimat") < events.index("Sprachcafé im Dezember")
    assert "Vergangenes Fest" not in events


def test_menu_folds_into_a_details_toggle_that_needs_no_javascript(client, make_network):
    make_network("menue")
    html = client.get("/", HTTP_HOST="menue.localhost").content.decode()
    toggle = html[html.index('<details class="nav-toggle">') : html.index("</details>")]
    assert '<summary class="nav-toggle__button">Menü</summary>' in toggle
    assert 'aria-label="Hauptnavigation"' in toggle and 'href="/bildung/"' in toggle
