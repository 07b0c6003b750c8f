"""A page directly below a network's start page cannot take the address of one of our routes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.models import StandardPage
from home.routes import reserved_slugs


def add_standard_page(client, parent, slug):
    return client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk]),
        {"title": "Unsere Seite", "slug": slug, "teaser": "", "body-count": "0"},
    )


@pytest.fixture
def german_admin(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    return admin_client


def test_every_top_level_route_and_language_is_reserved():
    for slug in ("feeds", "suche", "newsletter", "api", "admin", "django-admin", "documents", "images"):
        assert slug in reserved_slugs()
    for slug in ("health", "metrics", "sitemap.xml", "robots.txt", "static", "media", "en", "ar", "fa"):
        assert slug in reserved_slugs()
    assert "ueber-uns" not in reserved_slugs()


@pytest.mark.parametrize("slug", ["suche", "feeds", "newsletter", "en"])
def test_editor_is_told_in_german_why_a_route_slug_is_refused(german_admin, make_network, slug):
    net = make_network(f"res{slug}")
    response = add_standard_page(german_admin, net.home, slug)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Die Adresse „{slug}“ ist reserviert" in html
    assert f"„{slug}-info“" in html
    assert not StandardPage.objects.filter(slug=slug).exists()


def test_a_route_slug_is_fine_deeper_in_the_tree_and_saving_code_is_refused_too(german_admin, make_network):
    net = make_network("tiefer")
    response = add_standard_page(german_admin, net.field, "newsletter")
    assert response.status_code == 302
    assert StandardPage.objects.child_of(net.field).filter(slug="newsletter").exists()
    with pytest.raises(ValidationError) as refused:
        net.home.add_child(instance=StandardPage(title="Suche", slug="suche"))
    assert "slug" in refused.value.message_dict
