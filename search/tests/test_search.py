"""Search as readers and front ends use it: German stemming, one network only, nothing
unpublished, results grouped by type and filtered by type and action field."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from conftest import publish
from home.models import EventIndexPage, EventPage, StandardPage

pytestmark = pytest.mark.django_db


def add_event(net, title, teaser="", fields=()):
    index = net.home.get_children().type(EventIndexPage).first()
    if index is None:
        index = publish(net.home.add_child(instance=EventIndexPage(title="Termine", slug="termine")))
    page = index.specific.add_child(
        instance=EventPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            teaser=teaser,
            start=timezone.now() + datetime.timedelta(days=3),
        )
    )
    page.action_fields = list(fields)
    return publish(page)


def get(client, net, path, **params):
    return client.get(path, params, HTTP_HOST=net.site.hostname)


def results_of(response):
    """The results part of the search page (the menu and footer list pages too)."""
    html = response.content.decode()
    start = html.index('class="search-results"')
    return html[start : html.index("</main>", start)]


def test_german_stemming_finds_singular_for_plural(client, make_network):
    net = make_network("alpha")
    add_event(net, "Sprachkurs für Frauen", teaser="Ein Sprachkurs mit Kinderbetreuung.")

    response = get(client, net, "/suche/", q="Sprachkurse")

    assert response.status_code == 200
    assert "Sprachkurs für Frauen" in results_of(response)


def test_german_stemming_finds_plural_for_singular(client, make_network):
    net = make_network("alpha")
    add_event(net, "Deutschkurse am Abend", teaser="Zwei Integrationskurse für Frauen mit Kinderbetreuung.")

    for query in ("Deutschkurs", "Integrationskurs Frau", "kinderbetreuung"):
        data = get(client, net, "/api/v3/search/", q=query).json()
        assert [hit["title"] for g in data["groups"] for hit in g["results"]] == ["Deutschkurse am Abend"], query
    assert get(client, net, "/api/v3/search/", q="Integrationskurs Männer").json()["total"] == 0


def test_search_stays_inside_the_readers_network(client, two_networks):
    # both networks have a news page "Sprachcafé in …"
    response = get(client, two_networks.a, "/suche/", q="Sprachcafé")
    html = results_of(response)
    assert "Sprachcafé in alpha" in html
    assert "Sprachcafé in beta" not in html

    api = get(client, two_networks.b, "/api/v3/search/", q="Sprachcafé").json()
    titles = [hit["title"] for group in api["groups"] for hit in group["results"]]
    assert titles == ["Sprachcafé in beta"]


def test_drafts_and_private_pages_are_never_found(client, make_network):
    net = make_network("alpha")
    draft = net.home.add_child(instance=StandardPage(title="Geheimer Entwurf Sprachkurs", slug="entwurf", live=False))
    draft.save_revision()
    private = publish(net.home.add_child(instance=StandardPage(title="Interner Sprachkurs", slug="intern")))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    public = publish(net.home.add_child(instance=StandardPage(title="Offener Sprachkurs", slug="offen")))
    # a published page that gets a newer draft: search shows the live title, not the draft's
    public.title = "Entwurfstitel Sprachkurs"
    public.save_revision()

    html = results_of(get(client, net, "/suche/", q="Sprachkurs"))

    assert "Offener Sprachkurs" in html
    assert "Geheimer Entwurf" not in html
    assert "Interner Sprachkurs" not in html
    assert "Entwurfstitel" not in html


def test_results_are_grouped_by_type_and_filtered(client, make_network):
    net = make_network("alpha")
    add_event(net, "Sprachcafé am Abend", teaser="Deutsch üben", fields=[net.field])
    add_event(net, "Sprachcafé im Park", teaser="Deutsch üben")  # not tagged
    publish(net.home.add_child(instance=StandardPage(title="Über das Sprachcafé", slug="ueber")))

    data = get(client, net, "/api/v3/search/", q="Sprachcafé").json()
    groups = {g["key"]: [hit["title"] for hit in g["results"]] for g in data["groups"]}
    assert [g["key"] for g in data["groups"]] == ["news", "events", "pages"]
    assert sorted(groups["events"]) == ["Sprachcafé am Abend", "Sprachcafé im Park"]
    assert groups["pages"] == ["Über das Sprachcafé"]
    assert data["total"] == 4

    only_events = get(client, net, "/api/v3/search/", q="Sprachcafé", type="events").json()
    assert [g["key"] for g in only_events["groups"]] == ["events"]

    tagged = get(client, net, "/api/v3/search/", q="Sprachcafé", action_field="bildung").json()
    titles = sorted(hit["title"] for g in tagged["groups"] for hit in g["results"])
    assert titles == ["Sprachcafé am Abend", "Sprachcafé in alpha"]

    page = results_of(get(client, net, "/suche/", q="Sprachcafé", typ="events", handlungsfeld="bildung"))
    assert "Sprachcafé am Abend" in page
    assert "Sprachcafé im Park" not in page
    assert "Über das Sprachcafé" not in page


def test_api_shape_and_errors(client, make_network):
    net = make_network("alpha")
    data = get(client, net, "/api/v3/search/", q="Sprachcafé").json()
    hit = data["groups"][0]["results"][0]
    assert data["query"] == "Sprachcafé"
    assert data["groups"][0]["label"]
    assert set(hit) == {"id", "title", "type", "url", "teaser", "action_fields"}
    assert hit["type"] == "home.NewsPage"
    assert hit["url"].endswith("/aktuelles/sprachcafe/")
    assert hit["teaser"] == "Jeden Dienstag üben wir Deutsch."
    assert hit["action_fields"] == [{"id": net.field.pk, "title": "Bildung", "slug": "bildung"}]

    missing = get(client, net, "/api/v3/search/")
    assert missing.status_code == 400
    assert missing["Content-Type"].startswith("application/problem+json")
    unknown_field = get(client, net, "/api/v3/search/", q="x", action_field="gibt-es-nicht")
    assert unknown_field.status_code == 400
    assert "action_field" in unknown_field.json()["detail"]
    bad_type = get(client, net, "/api/v3/search/", q="x", type="aliens")
    assert bad_type.status_code == 400


def test_search_is_in_the_openapi_schema(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/search/" in paths
    assert "/api/v3/search/autocomplete/" in paths
    params = {p["name"] for p in paths["/api/v3/search/"]["get"]["parameters"]}
    assert {"q", "type", "action_field", "site"} <= params


def test_autocomplete_suggests_titles_of_the_own_network(client, two_networks):
    add_event(two_networks.a, "Sprachkurs am Morgen")
    add_event(two_networks.b, "Sprachkurs am Abend")

    data = get(client, two_networks.a, "/suche/vorschlaege/", q="Sprachk").json()
    assert [r["title"] for r in data["results"]] == ["Sprachkurs am Morgen"]
    assert data["results"][0]["type"] == "events"
    assert get(client, two_networks.a, "/suche/vorschlaege/", q="S").json() == {"results": []}

    api = get(client, two_networks.b, "/api/v3/search/autocomplete/", q="Sprachk").json()
    assert [r["title"] for r in api["results"]] == ["Sprachkurs am Abend"]


def test_search_page_sets_no_cookie_and_works_without_a_query(client, make_network):
    net = make_network("alpha")
    response = get(client, net, "/suche/")
    assert response.status_code == 200
    assert not response.cookies
    assert 'role="search"' in response.content.decode()
    unknown = get(client, net, "/suche/", q="Sprachcafé", handlungsfeld="gibt-es-nicht").content.decode()
    assert "Sprachcafé in alpha" in unknown
    assert "existiert" in unknown or "does not exist" in unknown


def test_api_queries_do_not_grow_with_the_number_of_hits(client, make_network, django_assert_max_num_queries):
    net = make_network("alpha")
    for n in range(12):
        add_event(net, f"Sprachkurs {n}", fields=[net.field])
    client.get("/api/v3/search/", {"q": "Sprachkurs"}, HTTP_HOST=net.site.hostname)  # warm the site caches

    with django_assert_max_num_queries(8):
        data = get(client, net, "/api/v3/search/", q="Sprachkurs").json()
    assert data["total"] == 12


def test_a_group_with_many_hits_links_to_all_of_them(client, make_network):
    net = make_network("alpha")
    for n in range(22):
        add_event(net, f"Sprachkurs {n:02d}")

    html = results_of(get(client, net, "/suche/", q="Sprachkurs"))
    assert html.count('href="/termine/sprachkurs-') == 20
    assert "?q=Sprachkurs&amp;typ=events" in html

    all_events = results_of(get(client, net, "/suche/", q="Sprachkurs", typ="events"))
    assert all_events.count('href="/termine/sprachkurs-') == 22


def test_every_page_offers_the_search_in_the_readers_language(client, make_network):
    """A reader finds the search from any page, not only by knowing its address (WCAG 2.4.5:
    a second way to a page besides the menu); labelled in the frame's language."""
    net = make_network("alpha")
    add_event(net, "Sprachkurs für Frauen")

    html = get(client, net, "/aktuelles/sprachcafe/").content.decode()
    form = re.search(r'<form class="site-search" role="search" method="get" action="([^"]+)"', html)
    assert form and form.group(1) == "/suche/"
    assert 'aria-label="Diese Website durchsuchen"' in html
    assert '<label class="visually-hidden" for="site-search-q">Suchbegriff</label>' in html
    assert '<input id="site-search-q" name="q" type="search"' in html and ">Suche</button>" in html
    arabic = get(client, net, "/ar/aktuelles/sprachcafe/").content.decode()
    assert ">البحث</button>" in arabic and 'for="site-search-q">كلمة البحث</label>' in arabic

    # what the form sends finds the event; the search page keeps one search form, its own
    response = get(client, net, form.group(1), q="Sprachkurs")
    assert "Sprachkurs für Frauen" in results_of(response)
    assert response.content.decode().count('role="search"') == 1


def test_a_reader_of_arabic_pages_searches_the_arabic_pages(client, make_network, translate):
    """From an Arabic page the search form leads to /ar/suche/, which searches the network's
    Arabic pages, links to them under /ar/ and speaks Arabic; /suche/ stays German."""
    net = make_network("alpha")
    arabic = translate(net.news, "ar", "مقهى اللغة في ألفا")

    page = get(client, net, arabic.url).content.decode()
    form = re.search(r'<form class="site-search" role="search" method="get" action="([^"]+)"', page)
    assert form and form.group(1) == "/ar/suche/"

    response = get(client, net, form.group(1), q="مقهى")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html and "<h1>البحث</h1>" in html
    found = results_of(response)
    assert '<a href="/ar/aktuelles/sprachcafe/">مقهى اللغة في ألفا</a>' in found
    assert "Sprachcafé in alpha" not in found  # the German original is not listed twice
    suggestions = get(client, net, "/ar/suche/vorschlaege/", q="مقهى").json()["results"]
    assert [(s["title"], s["url"]) for s in suggestions] == [("مقهى اللغة في ألفا", "/ar/aktuelles/sprachcafe/")]

    german = results_of(get(client, net, "/suche/", q="Sprachcafé"))
    assert '<a href="/aktuelles/sprachcafe/">Sprachcafé in alpha</a>' in german and "/ar/" not in german
    assert "/ar/aktuelles/" not in results_of(get(client, net, "/suche/", q="مقهى"))


def test_a_network_without_translations_is_searched_in_german_under_an_arabic_frame(client, make_network):
    """No Arabic pages: /ar/suche/ finds the German pages, their titles marked as German
    (WCAG 3.1.2), so a screen reader does not read them with Arabic pronunciation."""
    net = make_network("beta")

    response = get(client, net, "/ar/suche/", q="Sprachcafé")

    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert '<a href="/aktuelles/sprachcafe/" lang="de" dir="ltr">Sprachcafé in beta</a>' in results_of(response)


def toolbar_languages(response):
    """(href, hreflang, text) of the toolbar's language links."""
    html = response.content.decode()
    start = html.index('class="toolbar__item toolbar__translations"')
    links = html[start : html.index("</li>", start)]
    return re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+"(?: dir="[^"]+")?>([^<]+)</a>', links)


def test_a_reader_switches_the_language_of_the_search_and_the_sign_up_and_keeps_the_term(client, make_network):
    """The search and the newsletter pages are no Wagtail pages, so the toolbar had no language
    links there: a reader who came to /suche/ from a German mail could not switch to Arabic.
    Each link leads to the same view in that language, the search term kept."""
    net = make_network("alpha")

    german = toolbar_languages(get(client, net, "/suche/", q="Sprachcafé"))
    assert ("/ar/suche/?q=Sprachcaf%C3%A9", "ar", "العربيّة") in german
    assert ("/tr/suche/?q=Sprachcaf%C3%A9", "tr", "Türkçe") in german
    assert all(code != "de" for _url, code, _name in german)  # not the language the reader is in

    arabic = get(client, net, "/ar/suche/", q="Sprachcafé")
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert ("/suche/?q=Sprachcaf%C3%A9", "de", "Deutsch") in toolbar_languages(arabic)
    assert "Sprachcafé in alpha" in results_of(get(client, net, "/tr/suche/?q=Sprachcaf%C3%A9"))

    sign_up = toolbar_languages(get(client, net, "/newsletter/"))
    assert ("/uk/newsletter/", "uk", "Українська") in sign_up
    ukrainian = get(client, net, "/uk/newsletter/")
    assert ukrainian.status_code == 200 and '<html lang="uk" dir="ltr">' in ukrainian.content.decode()


def test_api_searches_one_language_of_the_network(client, make_network, translate):
    net = make_network("gamma")
    translate(net.news, "ar", "مقهى اللغة في غاما")

    def titles(**params):
        data = get(client, net, "/api/v3/search/", **params).json()
        return [(hit["title"], hit["url"]) for group in data["groups"] for hit in group["results"]]

    assert titles(q="مقهى", locale="ar") == [("مقهى اللغة في غاما", "http://gamma.localhost/ar/aktuelles/sprachcafe/")]
    assert titles(q="مقهى") == []  # German by default
    assert titles(q="Sprachcafé", locale="tr") == [
        ("Sprachcafé in gamma", "http://gamma.localhost/aktuelles/sprachcafe/")
    ]
    field = net.news.action_fields.first()
    assert [t for t, _url in titles(q="مقهى", locale="ar", action_field=field.slug)] == ["مقهى اللغة في غاما"]
    assert get(client, net, "/api/v3/search/", q="x", locale="xx").status_code in (400, 422)
    suggestions = get(client, net, "/api/v3/search/autocomplete/", q="مقهى", locale="ar").json()["results"]
    assert [s["title"] for s in suggestions] == ["مقهى اللغة في غاما"]
