"""The page explorer offers "Translate this page" and "Sync translated pages" (wagtail-localize)
on the rows where they apply, with a fixed number of queries however many rows it lists."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from conftest import publish
from home.models import NewsPage

pytestmark = pytest.mark.django_db


def add_news(net, count):
    for i in range(count):
        news = NewsPage(title=f"Meldung {i}", slug=f"meldung-{i}", date=datetime.date(2026, 11, 1))
        publish(net.news_index.add_child(instance=news))


def explorer(admin_client, net):
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(f"/admin/pages/{net.news_index.pk}/")
    assert response.status_code == 200
    return response.content.decode(), len(captured.captured_queries)


def test_explorer_rows_offer_translate_and_sync_where_they_apply(admin_client, make_network):
    english = Locale.objects.get_or_create(language_code="en")[0]
    net = make_network("alpha")
    source, _created = TranslationSource.get_or_create_from_instance(net.news)
    Translation.objects.create(source=source, target_locale=english, enabled=True)

    html, _count = explorer(admin_client, net)
    assert html.count("Translate this page") + html.count("Diese Seite übersetzen") >= 1
    assert f"/admin/localize/update/{source.pk}/" in html  # the source of enabled translations

    for locale in Locale.objects.exclude(pk=net.news.locale_id):  # translated into every locale
        publish(net.news.copy_for_translation(locale, copy_parents=True))
    html, _count = explorer(admin_client, net)
    assert f"/admin/localize/submit/page/{net.news.pk}/" not in html


def test_explorer_queries_do_not_grow_with_its_rows(admin_client, make_network):
    Locale.objects.get_or_create(language_code="en")
    few, many = make_network("few"), make_network("many")
    add_news(few, 1)
    add_news(many, 8)
    explorer(admin_client, few)
    counts = [explorer(admin_client, net)[1] for net in (few, many)]
    assert counts[0] == counts[1], counts
