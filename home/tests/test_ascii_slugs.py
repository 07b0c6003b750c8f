"""New pages get plain ASCII addresses: "Sprachcafé" → /sprachcafe/, "Grüße" → /gruesse/, never
"sprachcaf%C3%A9" — in the admin (with or without the browser's help), from code and the API."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from home.models import NewsPage, StandardPage
from home.slugs import ascii_slug


def test_slugs_are_transliterated_the_german_way():
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    assert ascii_slug("Sprachcafé") == "sprachcafe"
    assert ascii_slug("Grüße aus der Straße") == "gruesse-aus-der-strasse"
    assert ascii_slug("Ärger über Öl") == "aerger-ueber-oel"
    assert ascii_slug("Çiğdem & Łukasz") == "cigdem-ukasz"
    assert ascii_slug("مرحبا") == ""


def test_a_page_saved_in_code_without_a_slug_gets_an_ascii_one(make_network):
    net = make_network("slugs")
    page = net.home.add_child(instance=StandardPage(title="Sprachcafé für Mütter"))
    assert page.slug == "sprachcafe-fuer-muetter"
    assert page.url_path.endswith("/sprachcafe-fuer-muetter/")
    again = net.home.add_child(instance=StandardPage(title="Sprachcafé für Mütter"))
    assert again.slug == "sprachcafe-fuer-muetter-2"  # siblings keep distinct addresses


def test_a_unicode_slug_given_in_code_is_made_ascii(make_network):
    net = make_network("slugs2")
    page = net.home.add_child(instance=StandardPage(title="Café", slug="café-grüße"))
    assert page.slug == "cafe-gruesse"


@pytest.fixture
def editor_client(client, make_network):
    net = make_network("slugs3")
    client.force_login(net.editor)
    return client, net


def test_editor_typing_a_slug_with_accents_gets_an_ascii_address(editor_client):
    client, net = editor_client
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "newspage", net.news_index.pk]),
        {
            "title": "Café der Grüße",
            "slug": "café-grüße",
            "teaser": "Deutsch üben",
            "date": "2026-11-03",
            "body-count": "0",
            "action_fields": [net.field.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.child_of(net.news_index).get(title="Café der Grüße")
    assert page.slug == "cafe-gruesse"


def test_the_page_editors_slug_field_transliterates_in_the_browser_too(editor_client):
    client, net = editor_client
    html = client.get(reverse("wagtailadmin_pages:add", args=["home", "newspage", net.news_index.pk])).content.decode()
    (slug_input,) = [tag for tag in re.findall(r"<input[^>]*>", html) if 'name="slug"' in tag]
    assert "data-w-slug-allow-unicode-value" not in slug_input  # absent = unicode off
    assert "&quot;\\u00fc&quot;,&quot;g&quot;],&quot;ue&quot;" in slug_input  # ü → ue
