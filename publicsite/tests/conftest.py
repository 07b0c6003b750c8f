import datetime

import pytest
from django.utils import timezone

from conftest import publish
from home.models import EventIndexPage, EventPage


@pytest.fixture
def calendar(make_network):
    """A network with an event calendar and a helper to add published events."""
    network = make_network("kalender")
    index = publish(network.home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")))

    def add_event(title, start, hours=2, action_fields=(), **fields):
        start = timezone.make_aware(start) if timezone.is_naive(start) else start
        event = index.add_child(
            instance=EventPage(
                title=title,
                slug=title.lower().replace(" ", "-"),
                start=start,
                end=start + datetime.timedelta(hours=hours),
                teaser=fields.pop("teaser", f"{title} für alle."),
                **fields,
            )
        )
        event.action_fields = list(action_fields)
        return publish(event)

    network.index = index
    network.add_event = add_event
    return network
