"""Several networks on one installation: an editor of one network can neither edit nor
publish anything of another, in the admin or through the API."""

import json

import pytest
from django.urls import reverse

from home.models import Contact

pytestmark = pytest.mark.django_db


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_editor_edits_own_page_but_not_other_networks_page_in_admin(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[a.news.pk]))
    assert own.status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[b.news.pk]))
    assert other.status_code in (302, 403, 404)
    assert b.news.title not in other.content.decode()


def test_editor_cannot_publish_other_networks_page_in_admin(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[b.news.pk]),
        {"title": "Übernommen", "slug": "sprachcafe", "action-publish": "1"},
    )
    assert response.status_code in (302, 403, 404)
    b.news.refresh_from_db()
    assert b.news.title == "Sprachcafé in beta"


def test_snippet_listing_shows_only_own_networks_contacts(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    response = client.get(reverse("wagtailsnippets_home_contact:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert a.contact.name in html
    assert b.contact.name not in html


def test_editor_cannot_edit_or_delete_other_networks_contact(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    assert client.get(reverse("wagtailsnippets_home_contact:edit", args=[a.contact.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_contact:edit", args=[b.contact.pk])).status_code == 404
    client.post(reverse("wagtailsnippets_home_contact:delete", args=[b.contact.pk]))
    assert Contact.objects.filter(pk=b.contact.pk).exists()


def test_contact_form_offers_only_own_network(client, two_networks):
    a, b = two_networks.a, two_networks.b
    client.force_login(a.editor)
    html = client.get(reverse("wagtailsnippets_home_contact:add")).content.decode()
    assert a.site.site_name in html
    assert b.site.site_name not in html
    response = client.post(
        reverse("wagtailsnippets_home_contact:add"),
        {
            "site": b.site.pk,
            "name": "Eingeschmuggelt",
            "office_hours-TOTAL_FORMS": "0",
            "office_hours-INITIAL_FORMS": "0",
            "office_hours-MIN_NUM_FORMS": "0",
            "office_hours-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not Contact.objects.filter(name="Eingeschmuggelt").exists()


def test_api_token_edits_own_page_but_not_other_network(client, two_networks):
    a, b = two_networks.a, two_networks.b
    url_own = f"/api/v3/pages/{a.news.pk}/"
    own = client.patch(url_own, json.dumps({"title": "Neu"}), content_type="application/json", **bearer(a.token))
    assert own.status_code == 200, own.content
    other = client.patch(
        f"/api/v3/pages/{b.news.pk}/",
        json.dumps({"title": "Fremd"}),
        content_type="application/json",
        **bearer(a.token),
    )
    assert other.status_code in (403, 404)
    published = client.post(f"/api/v3/pages/{b.news.pk}/actions/publish/", **bearer(a.token))
    assert published.status_code in (403, 404)
    b.news.refresh_from_db()
    assert b.news.title == "Sprachcafé in beta"
    assert b.news.latest_revision.content["title"] == "Sprachcafé in beta"


def test_api_token_sees_only_own_networks_snippets(client, two_networks):
    a, b = two_networks.a, two_networks.b
    response = client.get("/api/v3/snippets/home.Contact/", **bearer(a.token))
    assert response.status_code == 200, response.content
    names = [item["name"] for item in response.json()["items"]]
    assert names == [a.contact.name]
    assert client.get(f"/api/v3/snippets/home.Contact/{b.contact.pk}/", **bearer(a.token)).status_code in (403, 404)


def test_wagtails_default_editors_group_has_no_installation_wide_page_rights(client, two_networks):
    from django.contrib.auth.models import Group

    user = two_networks.a.editor.__class__.objects.create_user(username="generic", password="pw-generic-123")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[two_networks.a.news.pk])).status_code in (302, 403, 404)
