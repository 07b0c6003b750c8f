"""Translations: German stays unprefixed, translated pages (made with wagtail-localize) live
under their language prefix with the right text direction; readers ask for translations and
editors see which are wanted most."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from wagtail.models import Locale

from cms.formprotection import form_token
from translations import views
from translations.models import TranslationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_all_content_languages_have_a_locale():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"de", "en", "tr", "ar", "uk", "ru", "fa"} <= codes
    assert Locale.get_default().language_code == "de"


def test_german_urls_stay_unprefixed(client, make_network):
    net = make_network("omega")
    assert net.news.relative_url(net.site) == "/aktuelles/sprachcafe/"
    response = client.get("/aktuelles/sprachcafe/", HTTP_HOST=net.site.hostname, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert client.get("/de/aktuelles/sprachcafe/", HTTP_HOST=net.site.hostname).status_code == 404


def test_arabic_page_is_right_to_left_under_its_prefix(client, make_network, translate):
    net = make_network("sigma")
    arabic = translate(net.news, "ar")
    assert arabic.relative_url(net.site) == "/ar/aktuelles/sprachcafe/"
    response = client.get(arabic.url, HTTP_HOST=net.site.hostname)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    turkish = translate(net.news, "tr")
    assert '<html lang="tr" dir="ltr">' in client.get(turkish.url, HTTP_HOST=net.site.hostname).content.decode()


def test_untranslated_page_read_in_arabic_marks_its_german_words(client, make_network):
    """The frame speaks the reader's language, the page's own words keep theirs (WCAG 3.1.2):
    a screen reader reads the Arabic menu in Arabic and the German text in German."""
    net = make_network("sigma-de")
    response = client.get("/ar/aktuelles/sprachcafe/", HTTP_HOST=net.site.hostname)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<div class="page-content" lang="de" dir="ltr">' in html
    assert f'<span aria-current="page" lang="de" dir="ltr">{net.news.title}</span>' in html  # breadcrumbs
    german = client.get("/aktuelles/sprachcafe/", HTTP_HOST=net.site.hostname).content.decode()
    assert '<html lang="de" dir="ltr">' in german and '<div class="page-content">' in german


def test_page_translations_tag_lists_every_other_language(make_network, translate):
    net = make_network("tau")
    translate(net.news, "fa")
    rendered = Template(
        "{% load translation_tags %}{% page_translations page as translations %}"
        "{% for t in translations %}{{ t.language_code }},{{ t.dir }},{{ t.url|default:'-' }};{% endfor %}"
    ).render(Context({"page": net.news}))
    entries = [entry.split(",") for entry in rendered.strip(";").split(";")]
    assert [code for code, _dir, _url in entries] == ["en", "tr", "ar", "uk", "ru", "fa"]
    assert dict((code, (direction, url)) for code, direction, url in entries) == {
        "en": ("ltr", "-"),
        "tr": ("ltr", "-"),
        "ar": ("rtl", "-"),
        "uk": ("ltr", "-"),
        "ru": ("ltr", "-"),
        "fa": ("rtl", "http://tau.localhost/fa/aktuelles/sprachcafe/"),
    }


def test_api_lists_the_translations_of_a_page(client, make_network, translate):
    net = make_network("ypsilon")
    english = translate(net.news, "en")
    data = client.get(f"/api/v3/translations/pages/{net.news.pk}/", HTTP_HOST=net.site.hostname).json()
    assert data["language_code"] == "de" and data["dir"] == "ltr"
    by_code = {entry["language_code"]: entry for entry in data["translations"]}
    assert by_code["en"]["url"] == f"http://{net.site.hostname}/en/aktuelles/sprachcafe/"
    assert by_code["en"]["page_id"] == english.pk
    assert by_code["de"]["page_id"] == net.news.pk
    assert by_code["ar"]["url"] is None and by_code["ar"]["dir"] == "rtl"


def ask(client, net, page, language, token=None, origin=True):
    headers = {"HTTP_HOST": net.site.hostname}
    if origin:
        headers["HTTP_ORIGIN"] = f"http://{net.site.hostname}"
    data = {"page": page.pk, "language": language, "token": token or form_token(views.PURPOSE, page.pk)}
    return client.post(reverse("translation_request"), data, **headers)


def test_every_page_offers_the_translation_request_without_cookies(client, make_network):
    net = make_network("phi")
    response = client.get(net.news.url, HTTP_HOST=net.site.hostname)
    html = response.content.decode()
    assert "Ich wünsche eine Übersetzung in" in html
    assert '<option value="ar" lang="ar" dir="rtl">العربيّة</option>' in html
    assert not response.cookies


def test_a_reader_asks_for_a_translation(client, make_network):
    net = make_network("chi")
    response = ask(client, net, net.news, "uk")
    assert response.status_code == 302
    assert response["Location"] == "/aktuelles/sprachcafe/?translation_requested=uk#translation-request"
    request = TranslationRequest.objects.get()
    assert (request.page_id, request.language, request.site) == (net.news.pk, "uk", net.site)
    thanks = client.get(response["Location"], HTTP_HOST=net.site.hostname).content.decode()
    assert "Wir haben notiert, dass Sie diese Seite auf Українська wünschen." in thanks


@pytest.mark.parametrize(
    "language, token, origin, status",
    [
        ("xx", None, True, 400),
        ("uk", "forged", True, 400),
        ("uk", None, False, 400),
        ("de", None, True, 400),  # the page already is German
    ],
    ids=["unknown-language", "forged-token", "other-origin", "own-language"],
)
def test_bad_translation_requests_are_refused(client, make_network, language, token, origin, status):
    net = make_network("psi")
    assert ask(client, net, net.news, language, token=token, origin=origin).status_code == status
    assert not TranslationRequest.objects.exists()


def test_translation_request_needs_post_and_is_rate_limited(client, make_network):
    net = make_network("rho")
    assert client.get(reverse("translation_request"), HTTP_HOST=net.site.hostname).status_code == 405
    for _ in range(settings.TRANSLATION_REQUEST_RATE_LIMIT[0]):
        assert ask(client, net, net.news, "ru").status_code == 302
    assert ask(client, net, net.news, "ru").status_code == 429
    assert TranslationRequest.objects.count() == 1  # the same reader's same wish counts once


def test_each_reader_counts_once_per_page_and_language(client, make_network):
    net = make_network("eta")
    for address in ["192.0.2.1", "192.0.2.1", "192.0.2.2"]:
        client.post(
            reverse("translation_request"),
            {"page": net.news.pk, "language": "tr", "token": form_token(views.PURPOSE, net.news.pk)},
            HTTP_HOST=net.site.hostname,
            HTTP_ORIGIN=f"http://{net.site.hostname}",
            REMOTE_ADDR=address,
        )
    ask(client, net, net.news, "ar")
    assert sorted(TranslationRequest.objects.values_list("language", flat=True)) == ["ar", "tr", "tr"]


def test_admin_report_shows_the_most_requested_translations_per_network(client, two_networks):
    alpha, beta = two_networks.a, two_networks.b
    for language in ["tr", "tr", "tr", "ar", "ar", "fa"]:
        TranslationRequest.objects.create(page=alpha.news, site=alpha.site, language=language)
    TranslationRequest.objects.create(page=beta.news, site=beta.site, language="ru")
    client.force_login(alpha.editor)
    response = client.get(reverse("translation_requests_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Türkçe (tr)") < html.index("العربيّة (ar)") < html.index("فارسی (fa)")
    assert alpha.news.title in html
    assert "Netzwerk beta" not in html and "Русский" not in html
    report = response.context["reports"][0]
    assert [(row["language_code"], row["count"]) for row in report["by_language"]] == [("tr", 3), ("ar", 2), ("fa", 1)]


def test_editors_translate_with_wagtail_localize_in_the_admin(client, make_network, django_capture_on_commit_callbacks):
    net = make_network("kappa")
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw-admin-123")
    client.force_login(admin)
    url = reverse("wagtail_localize:submit_page_translation", args=[net.home.pk])
    arabic = Locale.objects.get(language_code="ar")
    form = client.get(url)
    assert form.status_code == 200
    assert f'value="{arabic.pk}"' in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [arabic.pk], "include_subtree": "on"})
    assert response.status_code == 302
    translated = net.news.get_translation(arabic)
    assert translated.locale == arabic
    assert (
        Template("{% load translation_tags %}{% lang_attrs page %}").render(Context({"page": translated}))
        == ' lang="ar" dir="rtl"'
    )
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()  # wagtail-localize's translation editor


def test_openapi_documents_the_new_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/translations/pages/{page_id}/" in paths
    assert "/api/v3/sign-language/pages/{page_id}/" in paths
    assert "/api/v3/sign-language/explanations/" in paths


def test_network_editors_may_edit_their_networks_translations(two_networks, translate):
    alpha, beta = two_networks.a, two_networks.b
    english_news = translate(alpha.news, "en")
    assert english_news.permissions_for_user(alpha.editor).can_edit()
    assert english_news.get_parent().get_parent().permissions_for_user(alpha.editor).can_edit()
    assert not english_news.permissions_for_user(beta.editor).can_edit()


def test_network_editors_may_start_a_translation(client, make_network):
    net = make_network("mu")
    client.force_login(net.editor)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[net.news.pk]))
    assert response.status_code == 200


def test_headless_front_ends_send_translation_requests_through_the_api(client, make_network):
    net = make_network("lambda")
    url = "/api/v3/translations/requests/"
    created = client.post(url, {"page": net.news.pk, "language": "fa"}, content_type="application/json")
    assert created.status_code == 201 and created.json() == {"page": net.news.pk, "language": "fa", "counted": True}
    again = client.post(url, {"page": net.news.pk, "language": "fa"}, content_type="application/json")
    assert again.json()["counted"] is False
    refused = client.post(url, {"page": net.news.pk, "language": "de"}, content_type="application/json")
    assert refused.status_code == 400 and "choose one of en, tr, ar, uk, ru, fa" in refused.json()["detail"]
    assert list(TranslationRequest.objects.values_list("language", flat=True)) == ["fa"]
