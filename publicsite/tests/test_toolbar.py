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


def render(variants, page=None, email=""):
    with translation.override("de"):
        return render_to_string(
            "includes/toolbar.html", {"page_variants": variants, "page": page, "net": {"email": email}}
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
    assert "nicht vorhanden" not in html and "nicht verfügbar" not in html.split("Übersetzung anfragen")[0]


def test_toolbar_without_variants_says_what_is_missing():
    html = render({})
    for entry in (
        "Leichte Sprache: noch nicht vorhanden",
        "Gebärdensprache: noch nicht vorhanden",
        "Vorlesen: nicht verfügbar",
        "PDF: noch nicht vorhanden",
        "Übersetzung anfragen: nicht verfügbar",
    ):
        assert entry in html


def test_on_a_leichte_sprache_page_the_toolbar_links_back_to_standard_language():
    html = render({"standard_url": "/ueber-uns/"})
    assert 'href="/ueber-uns/">Standard-Sprache</a>' in html
