"""Search engines find every public page of a network, in every language, and nothing else."""

import xml.etree.ElementTree as ET

from wagtail.models import Locale, PageViewRestriction

from conftest import publish
from home.models import StandardPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_live_public_pages_of_the_requested_network_only(client, two_networks):
    alpha = two_networks.a
    draft = alpha.home.add_child(instance=StandardPage(title="Entwurf", slug="entwurf", live=False))
    closed = publish(alpha.home.add_child(instance=StandardPage(title="Intern", slug="intern")))
    PageViewRestriction.objects.create(page=closed, restriction_type="password", password="geheim")

    urls = entries(client.get("/sitemap.xml", HTTP_HOST="alpha.localhost:8000"))

    assert set(urls) == {
        "http://alpha.localhost:8000/",
        "http://alpha.localhost:8000/bildung/",
        "http://alpha.localhost:8000/aktuelles/",
        "http://alpha.localhost:8000/aktuelles/sprachcafe/",
    }
    assert not any("beta" in url or draft.slug in url or "intern" in url for url in urls)


def test_sitemap_names_each_pages_translations_as_hreflang_alternates(client, make_network):
    net = make_network("gamma")
    arabic = Locale.objects.get(language_code="ar")
    publish(net.news.copy_for_translation(arabic, copy_parents=True))

    urls = entries(client.get("/sitemap.xml", HTTP_HOST="gamma.localhost"))

    german, translated = (
        "http://gamma.localhost/aktuelles/sprachcafe/",
        "http://gamma.localhost/ar/aktuelles/sprachcafe/",
    )
    assert german in urls and translated in urls
    expected = {"de": german, "ar": translated, "x-default": german}
    assert urls[german] == expected and urls[translated] == expected
    assert urls["http://gamma.localhost/bildung/"] == {}  # no translation, no alternates


def test_robots_txt_points_to_the_networks_sitemap_and_keeps_crawlers_out_of_personal_links(client, make_network):
    make_network("delta")
    response = client.get("/robots.txt", HTTP_HOST="delta.localhost:8000")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://delta.localhost:8000/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /newsletter/abmelden/" in text
    # the same routes under a language prefix (/ar/suche/, /ar/newsletter/abmelden/ …)
    assert "Disallow: /ar/suche/" in text and "Disallow: /uk/newsletter/abmelden/" in text
    assert "Disallow: /ar/\n" not in text and "Disallow: /ar/admin/" not in text
    assert "Disallow: /\n" not in text
