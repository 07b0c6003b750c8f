"""The news index pages through the news and filters them by action field."""

import datetime

import pytest

from conftest import publish
from home.models import ActionFieldPage, NewsPage


@pytest.fixture
def many_news(make_network):
    network = make_network("presse")
    work = publish(network.home.add_child(instance=ActionFieldPage(title="Arbeiten", slug="arbeiten")))
    for n in range(1, 24):
        news = network.news_index.add_child(
            instance=NewsPage(
                title=f"Meldung {n:02d}",
                slug=f"meldung-{n}",
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            )
        )
        news.action_fields = [work] if n % 4 == 0 else []
        publish(news)
    return network


def titles(response):
    html = response.content.decode()
    return [line.split(">")[-1] for line in html.split("</a></h2>")[:-1]]


@pytest.mark.django_db
def test_news_index_shows_ten_newest_per_page_with_page_links(many_news, client):
    first = client.get("/aktuelles/", HTTP_HOST="presse.localhost")
    # The Sprachcafé item is dated November, the newest of all.
    assert titles(first) == ["Sprachcafé in presse"] + [f"Meldung {n:02d}" for n in range(23, 14, -1)]
    assert 'href="?seite=2"' in first.content.decode()
    third = client.get("/aktuelles/?seite=3", HTTP_HOST="presse.localhost")
    assert titles(third) == ["Meldung 04", "Meldung 03", "Meldung 02", "Meldung 01"]
    assert titles(client.get("/aktuelles/?seite=99", HTTP_HOST="presse.localhost")) == titles(third)


@pytest.mark.django_db
def test_news_index_filters_by_action_field_and_keeps_the_filter_when_paging(many_news, client):
    response = client.get("/aktuelles/?handlungsfeld=arbeiten", HTTP_HOST="presse.localhost")
    assert titles(response) == ["Meldung 20", "Meldung 16", "Meldung 12", "Meldung 08", "Meldung 04"]
    assert "/feeds/aktuelles/arbeiten.rss" in response.content.decode()
    unknown = client.get("/aktuelles/?handlungsfeld=gibt-es-nicht", HTTP_HOST="presse.localhost")
    assert unknown.status_code == 200 and len(titles(unknown)) == 10
    assert "Dieses Handlungsfeld gibt es nicht" in unknown.content.decode()
