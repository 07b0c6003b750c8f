"""What anonymous readers, editors and API clients get from the response cache."""

import pytest
import redis
from django.conf import settings
from wagtail import hooks

from conftest import publish
from participation.models import ParticipationFormPage
from responsecache import generations

pytestmark = pytest.mark.django_db


def get(client, network, path, **headers):
    return client.get(path, HTTP_HOST=network.site.hostname, **headers)


def test_an_anonymous_page_view_is_answered_from_the_cache_the_second_time(client, make_network, response_cache):
    net = make_network("alpha")
    first = get(client, net, net.news.url)
    second = get(client, net, net.news.url)
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Sprachcafé in alpha" in second.content.decode()
    assert not second.cookies


def test_pages_api_answers_and_feeds_carry_validators_and_a_cache_policy_per_kind(client, make_network, response_cache):
    net = make_network("alpha")
    policies = {}
    for path, kind in [
        (net.news.url, "page"),
        (f"/api/v3/pages/{net.news.pk}/", "api"),
        ("/api/v3/listings/home.NewsPage/", "api"),
        ("/feeds/aktuelles.rss", "feed"),
    ]:
        response = get(client, net, path)
        assert response.status_code == 200, path
        assert response["ETag"].startswith('"') and response["Last-Modified"], path
        assert "s-maxage=" in response["Cache-Control"] and "stale-while-revalidate=" in response["Cache-Control"]
        policies[kind] = response["Cache-Control"]
    assert len(set(policies.values())) == 3
    assert "Authorization" in get(client, net, f"/api/v3/pages/{net.news.pk}/")["Vary"]


def test_if_none_match_with_the_current_etag_answers_304_without_a_body(client, make_network, response_cache):
    net = make_network("alpha")
    for path in (net.news.url, f"/api/v3/pages/{net.news.pk}/", "/feeds/aktuelles.rss"):
        etag = get(client, net, path)["ETag"]
        for _ in range(2):  # on the miss that filled the cache and on a hit
            not_modified = get(client, net, path, HTTP_IF_NONE_MATCH=etag)
            assert not_modified.status_code == 304, path
            assert not_modified.content == b""
            assert not_modified["ETag"] == etag
        assert get(client, net, path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_after_a_publish_the_old_etag_gets_the_new_page_not_a_304(client, make_network, response_cache):
    net = make_network("alpha")
    etag = get(client, net, net.news.url)["ETag"]
    net.news.title = "Sprachcafé am Mittwoch"
    publish(net.news)
    response = get(client, net, net.news.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Sprachcafé am Mittwoch" in response.content.decode()


def test_logged_in_editors_never_get_or_fill_cached_pages(client, make_network, response_cache):
    net = make_network("alpha")
    get(client, net, net.news.url)  # an anonymous reader fills the cache
    client.force_login(net.editor)
    for _ in range(2):
        response = get(client, net, net.news.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_bearer_token_api_requests_bypass_the_cache(client, make_network, response_cache):
    net = make_network("alpha")
    path = f"/api/v3/pages/{net.news.pk}/"
    get(client, net, path)
    assert get(client, net, path)["X-Cache"] == "HIT"
    with_token = get(client, net, path, HTTP_AUTHORIZATION=f"Bearer {net.token}")
    assert with_token.status_code == 200
    assert "X-Cache" not in with_token


def test_form_pages_carrying_a_csrf_token_are_never_stored(client, make_network, response_cache):
    net = make_network("alpha")
    form = publish(net.home.add_child(instance=ParticipationFormPage(title="Mitmachen", slug="mitmachen")))
    for _ in range(2):
        response = get(client, net, form.url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_networks_and_the_site_parameter_get_their_own_answers(client, two_networks, response_cache):
    a, b = two_networks.a, two_networks.b
    assert "Sprachcafé in alpha" in get(client, a, a.news.url).content.decode()
    assert "Sprachcafé in beta" in get(client, b, b.news.url).content.decode()
    listing = "/api/v3/listings/home.NewsPage/"
    assert get(client, a, listing).json()["items"][0]["title"] == "Sprachcafé in alpha"
    other = get(client, a, f"{listing}?site={b.site.hostname}")
    assert other.json()["items"][0]["title"] == "Sprachcafé in beta"
    assert other["X-Cache"] == "MISS"


def test_query_strings_are_part_of_the_key_in_any_order(client, make_network, response_cache):
    net = make_network("alpha")
    get(client, net, "/api/v3/listings/home.NewsPage/?limit=5&offset=0")
    assert get(client, net, "/api/v3/listings/home.NewsPage/?offset=0&limit=5")["X-Cache"] == "HIT"
    assert get(client, net, "/api/v3/listings/home.NewsPage/?offset=1&limit=5")["X-Cache"] == "MISS"


def test_admin_and_newsletter_pages_are_never_cached(client, make_network, response_cache):
    net = make_network("alpha")
    for path in ("/admin/login/", "/newsletter/", "/ar/newsletter/", "/ar/newsletter/archiv/"):
        assert get(client, net, path).status_code == 200, path
        assert "X-Cache" not in get(client, net, path), path
    assert get(client, net, "/ar/")["X-Cache"] == "MISS" and get(client, net, "/ar/")["X-Cache"] == "HIT"


def test_the_search_under_a_language_prefix_has_the_search_policy(client, make_network, response_cache):
    net = make_network("alpha")
    german, arabic, page = (get(client, net, path) for path in ("/suche/?q=Sprache", "/ar/suche/?q=Sprache", "/ar/"))
    assert german["Cache-Control"] == arabic["Cache-Control"] != page["Cache-Control"]


@pytest.mark.skipif(not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"), reason="needs Redis")
def test_a_hit_is_answered_with_one_redis_round_trip(client, make_network, response_cache, monkeypatch):
    net = make_network("alpha")
    paths = [
        net.news.url,
        f"/api/v3/pages/?site={net.site.hostname}&type=home.NewsPage",  # one more network's counter
        f"/api/v3/translations/pages/{net.news.pk}/",  # and the counter of every network
    ]
    for path in paths:
        assert get(client, net, path)["X-Cache"] == "MISS", path
    commands = []
    execute = redis.Redis.execute_command

    def counting(self, *args, **options):  # the real Redis answers; we only count the commands
        commands.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    for path in paths:
        commands.clear()
        assert get(client, net, path)["X-Cache"] == "HIT", path
        assert commands == ["MGET"], path


def test_an_answer_rendered_while_an_event_bumped_its_network_is_never_taken(client, make_network, response_cache):
    """The generations stored with an answer are those read before it was rendered: a publish
    that lands during the render leaves an entry that no reader takes."""
    net = make_network("alpha")

    def publish_during_render(page, request, serve_args, serve_kwargs):
        generations.bump([generations.host_counter(net.site.hostname)])

    with hooks.register_temporarily("before_serve_page", publish_during_render):
        assert get(client, net, net.news.url)["X-Cache"] == "MISS"
    assert get(client, net, net.news.url)["X-Cache"] == "MISS"
    assert get(client, net, net.news.url)["X-Cache"] == "HIT"
