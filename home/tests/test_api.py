"""The headless API as a front-end developer of a city portal uses it."""

import datetime
import json

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from home.models import EventIndexPage, EventPage, Organisation

pytestmark = pytest.mark.django_db


def host(network):
    return {"HTTP_HOST": network.site.hostname}


def test_listing_of_a_network_shows_only_its_live_pages(client, two_networks):
    a, b = two_networks.a, two_networks.b
    draft = a.news_index.add_child(instance=a.news.__class__(title="Entwurf", slug="entwurf", live=False))
    response = client.get("/api/v3/pages/", {"type": "home.NewsPage", "limit": 50}, **host(a))
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Sprachcafé in alpha"]
    assert client.get(f"/api/v3/pages/{draft.pk}/", **host(a)).status_code == 404
    assert client.get(f"/api/v3/pages/{b.news.pk}/", **host(a)).status_code == 404


def test_page_detail_has_custom_fields_streamfield_and_action_fields(client, two_networks):
    a = two_networks.a
    data = client.get(f"/api/v3/pages/{a.news.pk}/", **host(a)).json()
    assert data["teaser"] == "Jeden Dienstag üben wir Deutsch."
    assert data["date"] == "2026-11-02"
    assert data["body"][0]["type"] == "paragraph"
    assert "Alle sind willkommen" in data["body"][0]["value"]
    assert data["action_field_summaries"] == [
        {"id": a.field.pk, "title": "Bildung", "slug": "bildung", "url": a.field.get_url()}
    ]


def test_event_fields_are_served(client, make_network):
    net = make_network("gamma")
    calendar = net.home.add_child(instance=EventIndexPage(title="Termine", slug="termine"))
    start = timezone.now() + datetime.timedelta(days=10)
    event = calendar.add_child(
        instance=EventPage(
            title="Interkulturelles Fest",
            slug="fest",
            start=start,
            free_of_charge=True,
            location_name="Bürgerhaus",
            city="Hildesheim",
            registration_limit=80,
        )
    )
    event.save_revision().publish()
    data = client.get(f"/api/v3/pages/{event.pk}/", **host(net)).json()
    assert data["free_of_charge"] is True
    assert data["registration_limit"] == 80
    assert data["location_name"] == "Bürgerhaus"
    assert data["start"].startswith(start.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M"))


def test_openapi_schema_documents_our_fields_and_directory(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    text = json.dumps(schema)
    for field in ("free_of_charge", "registration_limit", "current_phase_id", "action_field_summaries", "office_hours"):
        assert field in text, field
    assert "/api/v3/directory/contacts/" in schema["paths"]
    assert "/api/v3/preview/" in schema["paths"]


def test_directory_lists_contacts_and_organisations_of_the_requested_network(client, two_networks):
    a, b = two_networks.a, two_networks.b
    Organisation.objects.create(site=b.site, name="Kulturverein Beta", kind="migrant_organisation")
    contacts = client.get("/api/v3/directory/contacts/", {"site": a.site.hostname}).json()
    assert [c["name"] for c in contacts["items"]] == [a.contact.name]
    orgs = client.get("/api/v3/directory/organisations/", **host(b)).json()
    assert [o["name"] for o in orgs["items"]] == ["Kulturverein Beta"]
    assert client.get(f"/api/v3/directory/contacts/{b.contact.pk}/", **host(a)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [{"limit": "viele"}, {"offset": "-3"}, {"type": "home.Unbekannt"}, {"child_of": "abc"}, {"limit": "1000"}],
)
def test_bad_filters_answer_400_problem_json(client, two_networks, query):
    response = client.get("/api/v3/pages/", query, **host(two_networks.a))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["detail"]


def test_bad_body_answers_400_and_changes_nothing(client, two_networks):
    a = two_networks.a
    response = client.patch(
        f"/api/v3/pages/{a.news.pk}/",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {a.token}",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    a.news.refresh_from_db()
    assert a.news.title == "Sprachcafé in alpha"


def test_unknown_ids_answer_404_problem_json(client, two_networks):
    for url in ("/api/v3/pages/999999/", "/api/v3/directory/funders/424242/"):
        response = client.get(url, **host(two_networks.a))
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_writes_need_a_bearer_token(client, two_networks):
    a = two_networks.a
    response = client.patch(f"/api/v3/pages/{a.news.pk}/", json.dumps({"title": "x"}), content_type="application/json")
    assert response.status_code == 401
    client.force_login(a.editor)  # a session cookie is not enough for the API
    response = client.patch(f"/api/v3/pages/{a.news.pk}/", json.dumps({"title": "x"}), content_type="application/json")
    assert response.status_code == 401


def test_headless_preview_token_shows_draft_and_expires(client, two_networks, settings):
    a = two_networks.a
    a.news.title = "Neuer Entwurfstitel"
    a.news.save_revision()
    client.force_login(a.editor)
    redirect = client.get(reverse("headless_preview", args=[a.news.pk]))
    assert redirect.status_code == 302
    preview_url = redirect["Location"]
    client.logout()
    draft = client.get(preview_url)
    assert draft.status_code == 200
    assert draft.json()["title"] == "Neuer Entwurfstitel"
    assert client.get(f"/api/v3/pages/{a.news.pk}/", **host(a)).json()["title"] == "Sprachcafé in alpha"
    tampered = client.get(preview_url[:-3] + "abc")
    assert tampered.status_code == 400
    settings.HEADLESS_PREVIEW_MAX_AGE = -1
    assert client.get(preview_url).status_code == 400


def test_other_networks_editor_cannot_create_preview_link(client, two_networks):
    client.force_login(two_networks.b.editor)
    assert client.get(reverse("headless_preview", args=[two_networks.a.news.pk])).status_code in (403, 404)


@override_settings(CORS_ALLOWED_ORIGINS=["https://portal.example.org"])
def test_cors_allows_only_configured_front_ends(client, two_networks):
    ok = client.get("/api/v3/pages/", HTTP_ORIGIN="https://portal.example.org", **host(two_networks.a))
    assert ok["Access-Control-Allow-Origin"] == "https://portal.example.org"
    other = client.get("/api/v3/pages/", HTTP_ORIGIN="https://evil.example.com", **host(two_networks.a))
    assert "Access-Control-Allow-Origin" not in other


def test_listing_of_one_type_carries_fields_filters_and_orders(client, make_network):
    net = make_network("epsilon")
    older = net.news_index.add_child(
        instance=net.news.__class__(title="Ältere Meldung", slug="alt", teaser="Früher", date=datetime.date(2025, 1, 5))
    )
    older.save_revision().publish()
    response = client.get("/api/v3/listings/home.NewsPage/", {"order": "-date"}, **host(net))
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["Sprachcafé in epsilon", "Ältere Meldung"]
    assert items[0]["teaser"] == "Jeden Dienstag üben wir Deutsch."
    tagged = client.get("/api/v3/listings/home.NewsPage/", {"action_field": net.field.pk}, **host(net)).json()
    assert [i["title"] for i in tagged["items"]] == ["Sprachcafé in epsilon"]
    bad = client.get("/api/v3/listings/home.NewsPage/", {"order": "password"}, **host(net))
    assert bad.status_code == 400 and "Allowed" in bad.json()["detail"]


def test_listing_query_count_does_not_grow_with_items(client, make_network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    net = make_network("kappa")

    def queries_for_listing():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v3/listings/home.NewsPage/", **host(net)).status_code == 200
        return len(ctx.captured_queries)

    queries_for_listing()  # warm caches (site root paths)
    with_one = queries_for_listing()
    for n in range(8):
        page = net.news_index.add_child(instance=net.news.__class__(title=f"Meldung {n}", slug=f"m{n}"))
        page.action_fields = [net.field]
        page.save_revision().publish()
    assert queries_for_listing() == with_one
