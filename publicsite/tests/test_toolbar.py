"""The toolbar offers what a page has and says honestly what it lacks."""

from django.template.loader import render_to_string
from django.utils import translation

VARIANTS = {
    "leichte_sprache_url": "/leichte-sprache/ueber-uns/",
    "audio": {"url": "/media/audio/ueber-uns.mp3", "duration_seconds": 185, "mime": "audio/mpeg"},
    "pdf_url": "/media/pdf/ueber-uns.pdf",
    "sign_language": {
        "url": "/dgs/ueber-uns/",
        "download_url": "/media/dgs/ueber-uns.mp4",
        "size_bytes": 12_500_000,
        "duration_seconds": 95,
    },
    "translations": [
        {"language_code": "ar", "name": "العربية", "url": "/ar/ueber-uns/", "dir": "rtl"},
        {"language_code": "tr", "name": "Türkçe", "url": "/tr/ueber-uns/", "dir": "ltr"},
    ],
}


def render(variants, page=None, email="", page_view=True):
    with translation.override("de"):
        return render_to_string(
            "includes/toolbar.html",
            {"page_variants": variants, "page": page, "net": {"email": email}, "page_view": page_view},
        )


def test_toolbar_links_every_variant_the_page_has():
    html = render(VARIANTS)
    assert 'href="/leichte-sprache/ueber-uns/"' in html
    assert 'href="#page-sign-language-heading"' in html and 'href="/media/dgs/ueber-uns.mp4" download' in html
    assert "11,9\xa0MB" in html  # Django counts 1 MB = 1024² bytes
    assert "1:35 Min." in html and "3:05 Min." in html
    assert '<audio controls preload="none" src="/media/audio/ueber-uns.mp3">' in html
    assert 'href="/media/pdf/ueber-uns.pdf"' in html
    assert 'lang="ar" dir="rtl"' in html and 'hreflang="tr"' in html
    assert "verfügbar" not in html and "toolbar__unavailable" not in html


def test_toolbar_without_variants_says_what_is_missing_in_one_quiet_line():
    html = render({})
    assert "Nicht verfügbar: Leichte Sprache, Gebärdensprache, Vorlesen, PDF" in html
    assert html.count("toolbar__unavailable") == 1
    assert "noch nicht vorhanden" not in html
    assert 'href="#translation-request"' in html


def test_on_a_leichte_sprache_page_the_toolbar_links_back_to_standard_language():
    html = render({"standard_url": "/ueber-uns/"})
    assert 'href="/ueber-uns/">Standard-Sprache</a>' in html


def test_search_newsletter_and_archive_offer_nothing_of_the_start_page_they_borrow(client, make_network):
    """The start page has audio and a PDF; views that only borrow it for the frame must not offer
    them, nor anchors (sign-language video, translation request) that do not exist there."""
    from accessibility.models import PageVariant

    net = make_network("leihe")
    PageVariant.objects.create(
        page=net.home, kind="audio", status="current", file="audio/start.mp3", duration_seconds=20
    )
    PageVariant.objects.create(page=net.home, kind="pdf", status="current", file="pdf/start.pdf")
    start = client.get("/", HTTP_HOST="leihe.localhost").content.decode()
    assert "audio/start.mp3" in start and "pdf/start.pdf" in start
    for path in ("/suche/?q=Sprachcaf%C3%A9", "/newsletter/", "/newsletter/archiv/"):
        html = client.get(path, HTTP_HOST="leihe.localhost", HTTP_ACCEPT_LANGUAGE="de").content.decode()
        toolbar = html[html.index('class="toolbar"') : html.index("</nav>", html.index('class="toolbar"'))]
        assert "start.mp3" not in toolbar and "start.pdf" not in toolbar, path
        assert "#translation-request" not in toolbar and "#page-sign-language-heading" not in toolbar, path
        assert "Nicht verfügbar: Leichte Sprache, Gebärdensprache, Vorlesen, PDF" in toolbar, path


def test_breadcrumbs_link_relative_to_the_host_and_port_the_reader_used(client, two_networks):
    html = client.get("/aktuelles/sprachcafe/", HTTP_HOST="alpha.localhost:8000").content.decode()
    crumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))]
    assert 'href="/"' in crumbs and 'href="/aktuelles/"' in crumbs
    assert "http://" not in crumbs
