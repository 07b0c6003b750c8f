"""Content rules editors and readers rely on."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from home.models import EventIndexPage, EventPage, ProcessPage, ProcessPhase

pytestmark = pytest.mark.django_db


def make_image(title="Banner"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (11, 83, 148)).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="banner.png"))


def test_current_phase_follows_today(make_network):
    net = make_network("zeta")
    process = ProcessPage(title="Integrationskonzept", slug="konzept")
    phases = [
        ("Analyse", datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        ("Auftakt", datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)),
        ("Fachforen", datetime.date(2026, 5, 1), datetime.date(2026, 12, 31)),
    ]
    process.phases = [ProcessPhase(title=t, start_date=s, end_date=e) for t, s, e in phases]
    net.home.add_child(instance=process)
    assert process.current_phase(datetime.date(2025, 12, 1)) is None
    assert process.current_phase(datetime.date(2026, 4, 15)).title == "Auftakt"
    assert process.current_phase(datetime.date(2026, 11, 23)).title == "Fachforen"
    assert process.current_phase(datetime.date(2027, 6, 1)).title == "Fachforen"


def test_admin_refuses_event_ending_before_it_starts_with_a_form_error(admin_client, make_network):
    net = make_network("eta")
    calendar = net.home.add_child(instance=EventIndexPage(title="Termine", slug="termine"))
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["home", "eventpage", calendar.pk]),
        {
            "title": "Fest",
            "slug": "fest",
            "start": "2026-12-05 15:00",
            "end": "2026-12-05 12:00",
            "recurrence": "",
            "free_of_charge": "on",
            "body-count": "0",
        },
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()  # the admin speaks German
    assert not EventPage.objects.filter(slug="fest").exists()


def test_api_serves_image_renditions(client, make_network):
    net = make_network("theta")
    net.news.image = make_image()
    net.news.save_revision().publish()
    data = client.get(f"/api/v3/pages/{net.news.pk}/", HTTP_HOST=net.site.hostname).json()
    assert data["image"]["width"] == 1200 and data["image"]["height"] == 630
    assert data["image"]["url"].endswith(".png")


def test_public_pages_render_for_anonymous_readers_without_cookies(client, make_network):
    net = make_network("iota")
    calendar = net.home.add_child(instance=EventIndexPage(title="Termine", slug="termine"))
    event = calendar.add_child(
        instance=EventPage(title="Sprachcafé", slug="sprachcafe", start=timezone.now() + datetime.timedelta(days=3))
    )
    event.save_revision().publish()
    calendar.save_revision().publish()
    for page in (net.home, net.news_index, net.news, net.field, calendar, event):
        response = client.get(page.url, HTTP_HOST=net.site.hostname)
        assert response.status_code == 200, page
        assert not response.cookies, page
    assert "Sprachcafé" in client.get(calendar.url, HTTP_HOST=net.site.hostname).content.decode()
