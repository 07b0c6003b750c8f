"""A careless or hostile client never gets a 500 from the API or the public site: odd ids, NUL
characters, lone surrogates, huge numbers, malformed bodies and the tree's root page each get a
4xx problem+json naming what was wrong; writes either apply the fields they accept or say
which are unknown. Each case here answered 500 (or a silent 200) before (issue 10)."""

import json

import jsonschema
import pytest
from django.test import Client

from home.models import Contact, Funder, NewsPage, OfficeHour, Organisation
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A client that gets the 500 page a reader would get, instead of the view's exception."""
    return Client(raise_request_exception=False)


def host(network):
    return {"HTTP_HOST": network.site.hostname}


def editor(network):
    return {"HTTP_AUTHORIZATION": f"Bearer {network.token}", **host(network)}


def assert_problem(response, *statuses):
    assert response.status_code in statuses, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == response.status_code and body["detail"]
    assert "Traceback" not in response.content.decode()
    return body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?search=Sprach%00caf%C3%A9",
        "/api/v3/pages/?site=alpha%00.localhost",
        "/api/v3/pages/find/?html_path=/aktuelles%00/",
        "/api/v3/directory/contacts/?search=%00",
        "/api/v3/search/?q=Deutsch%00",
    ],
)
def test_a_nul_character_in_a_query_answers_400_naming_the_parameter(client, two_networks, url):
    body = assert_problem(client.get(url, **host(two_networks.a)), 400)
    assert "NUL" in body["detail"]


@pytest.mark.parametrize(
    "url", ["/api/v3/pages/?offset=99999999999999999999", "/api/v3/directory/contacts/?offset=99999999999999999999"]
)
def test_an_offset_beyond_any_number_the_database_holds_answers_400(client, two_networks, url):
    assert_problem(client.get(url, **host(two_networks.a)), 400)


def test_a_non_numeric_snippet_id_answers_404(client, two_networks):
    assert_problem(client.get("/api/v3/snippets/home.Funder/abc/", **editor(two_networks.a)), 404)


def test_patching_a_page_with_a_non_numeric_id_answers_404(client, two_networks):
    response = client.patch(
        "/api/v3/pages/abc/", json.dumps({"title": "Neu"}), content_type="application/json", **editor(two_networks.a)
    )
    assert_problem(response, 404)


def test_the_public_search_refuses_a_nul_character_with_400(client, two_networks):
    response = client.get("/suche/?q=Deutsch%00", **host(two_networks.a))
    assert response.status_code == 400
    assert "Nullzeichen" in response.content.decode()


@pytest.mark.parametrize("action", ["copy", "create_alias"])
def test_copying_or_aliasing_the_root_page_answers_400(client, two_networks, action):
    root = two_networks.a.home.get_parent()
    response = client.post(
        f"/api/v3/pages/{root.pk}/actions/{action}/", "{}", content_type="application/json", **editor(two_networks.a)
    )
    assert "root" in assert_problem(response, 400)["detail"]


def test_moving_the_root_page_or_into_or_beside_it_answers_400(client, two_networks):
    a = two_networks.a
    root = a.home.get_parent()
    for page, body in (
        (root, {"destination_id": a.home.pk}),
        (a.home, {"destination_id": root.pk, "position": "left"}),
        (a.news, {"destination_id": root.pk}),
    ):
        response = client.post(
            f"/api/v3/pages/{page.pk}/actions/move/", json.dumps(body), content_type="application/json", **editor(a)
        )
        assert_problem(response, 400)
    a.home.refresh_from_db()
    assert a.home.get_parent().pk == root.pk
    assert NewsPage.objects.get(pk=a.news.pk).get_parent().pk == a.news_index.pk


@pytest.mark.parametrize("body", ["[1, 2]", '"Funder"', "{kaputt", "\xff\xfe"])
def test_a_body_that_is_not_a_json_object_answers_400(client, two_networks, body):
    response = client.post(
        "/api/v3/snippets/home.Funder/", body, content_type="application/json", **editor(two_networks.a)
    )
    assert_problem(response, 400)
    assert not Funder.objects.exists()


def test_an_editor_creates_a_snippet_with_its_fields_in_their_network(client, two_networks):
    a = two_networks.a
    response = client.post(
        "/api/v3/snippets/home.Funder/",
        json.dumps({"site_id": a.site.pk, "name": "Stadt Alpha", "programme": "Integration vor Ort"}),
        content_type="application/json",
        **editor(a),
    )
    assert response.status_code == 201, response.content
    assert response.json()["programme"] == "Integration vor Ort"
    funder = Funder.objects.get()
    assert (funder.site, funder.name) == (a.site, "Stadt Alpha")


def test_an_editor_cannot_create_a_snippet_in_another_network(client, two_networks):
    a, b = two_networks.a, two_networks.b
    response = client.post(
        "/api/v3/snippets/home.Organisation/",
        json.dumps({"site_id": b.site.pk, "name": "Fremder Verein"}),
        content_type="application/json",
        **editor(a),
    )
    assert_problem(response, 400)
    assert not Organisation.objects.exists()


def test_a_second_organisation_of_the_same_name_answers_400_not_500(client, two_networks):
    a = two_networks.a
    Organisation.objects.create(site=a.site, name="Brücke e. V.")
    response = client.post(
        "/api/v3/snippets/home.Organisation/",
        json.dumps({"site_id": a.site.pk, "name": "Brücke e. V."}),
        content_type="application/json",
        **editor(a),
    )
    assert_problem(response, 400)
    assert Organisation.objects.count() == 1


def test_the_snippet_create_schema_shows_the_real_fields(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert {"site_id", "name", "programme", "website"} <= set(schemas["FunderCreateSchema"]["properties"])
    assert {"name", "role", "email", "phone"} <= set(schemas["ContactPatchSchema"]["properties"])


def test_patching_a_page_with_a_field_it_cannot_write_answers_400_and_changes_nothing(client, two_networks):
    a = two_networks.a
    response = client.patch(
        f"/api/v3/pages/{a.news.pk}/",
        json.dumps({"title": "Neuer Titel", "teaser": "Neu"}),
        content_type="application/json",
        **editor(a),
    )
    assert "teaser" in assert_problem(response, 400)["detail"]
    news = NewsPage.objects.get(pk=a.news.pk).get_latest_revision_as_object()
    assert (news.title, news.teaser) == ("Sprachcafé in alpha", "Jeden Dienstag üben wir Deutsch.")


def test_patching_a_snippet_with_an_unknown_field_answers_400(client, two_networks):
    a = two_networks.a
    response = client.patch(
        f"/api/v3/snippets/home.Contact/{a.contact.pk}/",
        json.dumps({"name": "Neu", "geburtstag": "1990-01-01"}),
        content_type="application/json",
        **editor(a),
    )
    assert "geburtstag" in assert_problem(response, 400)["detail"]
    assert Contact.objects.get(pk=a.contact.pk).name == "Kontakt alpha"


@pytest.mark.parametrize("name", ["Ay\\u0000se", "Ay\\ud800se"])
def test_a_subscriber_name_with_a_nul_or_lone_surrogate_answers_400(client, two_networks, name):
    body = '{"email": "ayse@example.org", "name": "' + name + '"}'  # the escape stays as the client sent it
    response = client.post(
        f"/api/v3/newsletter/subscribe/?site={two_networks.a.site.hostname}", body, content_type="application/json"
    )
    assert_problem(response, 400)
    assert not Subscriber.objects.exists()


def _response_schema(openapi, path, status="200"):
    schema = openapi["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return {**schema, "components": openapi["components"]}


def test_office_hours_in_the_directory_match_the_openapi_schema(client, two_networks):
    a = two_networks.a
    OfficeHour.objects.create(contact=a.contact, weekday=1, opens="16:00", closes="18:00")
    openapi = client.get("/api/v3/openapi.json").json()
    answer = client.get(f"/api/v3/directory/contacts/{a.contact.pk}/", **host(a)).json()
    assert answer["office_hours"][0]["opens"] == "16:00:00"
    schema = _response_schema(openapi, "/api/v3/directory/contacts/{item_id}/")
    jsonschema.validate(answer, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_a_snippet_listing_matches_the_openapi_schema(client, two_networks):
    a = two_networks.a
    Organisation.objects.create(site=a.site, name="Brücke e. V.")
    openapi = client.get("/api/v3/openapi.json").json()
    for kind in ("home.Contact", "home.Organisation"):
        answer = client.get(f"/api/v3/snippets/{kind}/", **editor(a)).json()
        assert answer["items"], kind
        schema = _response_schema(openapi, "/api/v3/snippets/{type}/")
        jsonschema.validate(answer, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
