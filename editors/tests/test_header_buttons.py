"""The actions editors look for are buttons in the header, not only entries of the "…" menu:
accessible versions, translate and headless preview on a page; DSGVO export and erase on a
subscriber, the erase confirmation saying what is kept."""

import re

import pytest
from django.urls import reverse

from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def header_links(html):
    """hrefs of the header's top-level buttons (Wagtail's w-header-button class)."""
    links = []
    for tag in re.findall(r"<a\b[^>]*>", html):
        if "w-header-button" in tag:
            links.append(re.search(r'href="([^"]+)"', tag).group(1))
    return links


def test_page_editor_shows_accessible_versions_translate_and_headless_preview_in_the_header(client, make_network):
    net = make_network("alpha")
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="tr")
    client.force_login(net.editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[net.news.pk])).content.decode()
    links = header_links(html)
    assert reverse("accessibility:variant_status", args=[net.news.pk]) in links
    assert reverse("headless_preview", args=[net.news.pk]) in links
    assert reverse("wagtail_localize:submit_page_translation", args=[net.news.pk]) in links
    assert "Barrierefreie Versionen" in html and "Headless-Vorschau" in html


def test_subscriber_edit_view_has_export_and_erase_buttons_and_erase_says_what_is_kept(client, make_network):
    net = make_network("alpha")
    subscriber = Subscriber.objects.create(site=net.site, email="ada@example.org", status="active")
    client.force_login(net.editor)
    html = client.get(reverse("wagtailsnippets_newsletter_subscriber:edit", args=[subscriber.pk])).content.decode()
    links = header_links(html)
    assert reverse("newsletter_subscriber_export", args=[subscriber.pk]) in links
    erase_url = reverse("newsletter_subscriber_erase", args=[subscriber.pk])
    assert erase_url in links
    confirm = client.get(erase_url).content.decode()
    assert "ohne Adresse" in confirm  # what is kept: the counts of deliveries, without the address
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # opening the confirmation erases nothing


def test_add_child_page_in_the_page_listing_is_a_labelled_button_not_only_a_plus(client, make_network):
    net = make_network("alpha")
    client.force_login(net.editor)
    html = client.get(reverse("wagtailadmin_explore", args=[net.news_index.pk])).content.decode()
    add_url = reverse("wagtailadmin_pages:add_subpage", args=[net.news_index.pk])
    (button,) = re.findall(rf'<a\b[^>]*href="{re.escape(add_url)}"[^>]*>.*?</a>', html, re.S)
    assert "w-header-button" in button
    visible = re.sub(r"<svg.*?</svg>|<[^>]+>", "", button, flags=re.S).strip()
    assert visible == "Unterseite hinzufügen"
