"""Editors choose per page whether it appears in the network's menu (Wagtail's "show in
menus" on the promote tab) and in what order (the page explorer's sort), and the public
menu follows both."""

import re

import pytest
from django.urls import reverse

from home.models import StandardPage

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "alpha.localhost"}


def menu_titles(client, url="/"):
    html = client.get(url, **HOST).content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav.group(0)) if nav else []


def test_sections_are_in_the_menu_until_an_editor_takes_one_out(client, make_network):
    net = make_network("alpha")
    about = net.home.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns"))
    about.save_revision().publish()
    assert menu_titles(client) == ["Bildung", "Aktuelles"]  # sections yes, a plain page not (footer)

    client.force_login(net.editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[net.field.pk])).content.decode()
    assert "In Menüs anzeigen" in edit and 'name="show_in_menus"' in edit

    field = net.field.specific
    field.show_in_menus = False
    field.save_revision().publish()
    about.show_in_menus = True
    about.save_revision().publish()
    assert menu_titles(client) == ["Aktuelles", "Über uns"]


def test_the_menu_follows_the_order_editors_set_in_the_page_explorer(client, make_network):
    net = make_network("alpha")
    client.force_login(net.editor)
    response = client.post(reverse("wagtailadmin_pages:set_page_position", args=[net.news_index.pk]) + "?position=0")
    assert response.status_code == 200
    assert menu_titles(client) == ["Aktuelles", "Bildung"]
