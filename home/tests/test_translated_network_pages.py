"""An editor asks for a translation of a page of their network and can then open and edit it:
the translated pages live in a tree per language (below a translation of the network's root),
and they are the network's own — for Wagtail's page permissions and for our isolation check."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def translate(page, locale):
    """What wagtail-localize does on "Übersetzen": copies of the page and its missing ancestors."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale)
    return page.copy_for_translation(locale)


def test_the_editor_opens_the_english_translation_of_their_news(client, make_network):
    net = make_network("uebersetzt")
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = translate(net.news, english)
    client.force_login(net.editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))

    assert response.status_code == 200
    assert "Sprachcafé in uebersetzt" in response.content.decode()


def test_another_networks_translation_stays_closed(client, make_network):
    own, other = make_network("eigen"), make_network("fremd")
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = translate(other.news, english)
    client.force_login(own.editor)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])).status_code == 404
