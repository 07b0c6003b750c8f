"""Audio, PDF and report built from a page's text in reading order; unchanged text builds
nothing; failures are recorded and never leave an old file offered as current."""

import datetime
import subprocess

import pytest
from pypdf import PdfReader

from accessibility.builders import MAX_AUDIO_WORDS, BuildRefused, build_audio, build_page_variants, mark_stale
from accessibility.models import PageVariant
from accessibility.text import Part, plain_text, reading_order
from accessibility.variants import page_variants
from home.models import NewsPage

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Was wir machen", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Wir treffen uns jeden Dienstag.</p><ul><li>Deutsch lernen</li><li>Kaffee trinken</li></ul>",
    },
    {"type": "info_box", "value": {"title": "Wichtig", "text": "<p>Der Eintritt ist frei.</p>"}},
    {"type": "quote", "value": {"text": "Hier fühle ich mich zu Hause.", "attribution": "Amina"}},
]


def news(net, title="Sprach\u200bcafé", body=BODY, teaser="Alle sind will\u00adkommen."):
    page = net.news_index.add_child(
        instance=NewsPage(
            title=title, slug=f"p-{abs(hash(title)) % 10**8}", teaser=teaser, date=datetime.date(2026, 11, 2), body=body
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def variant(page, kind):
    return PageVariant.objects.get(page=page, kind=kind)


def test_reading_order_follows_the_page(make_network):
    page = news(make_network("ro"))
    parts = reading_order(page)
    assert [(p.kind, p.text) for p in parts] == [
        ("title", "Sprachcafé"),  # zero-width space removed
        ("paragraph", "Alle sind willkommen."),  # soft hyphen removed
        ("heading", "Was wir machen"),
        ("paragraph", "Wir treffen uns jeden Dienstag."),
        ("item", "Deutsch lernen"),
        ("item", "Kaffee trinken"),
        ("heading", "Wichtig"),
        ("paragraph", "Der Eintritt ist frei."),
        ("quote", "Hier fühle ich mich zu Hause."),
        ("paragraph", "Amina"),
    ]
    assert plain_text(parts).splitlines()[2] == "Was wir machen"


def test_publish_builds_audio_and_tagged_pdf_then_nothing_when_text_is_unchanged(make_network):
    page = news(make_network("build"))
    result = build_page_variants(page)
    assert sorted(result.built) == ["audio", "pdf"] and not result.failed

    audio = variant(page, "audio")
    assert audio.status == "current" and audio.file.name.endswith(".ogg")
    assert 3 < audio.duration_seconds < 60
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", audio.file.path],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "opus"

    pdf = variant(page, "pdf")
    reader = PdfReader(pdf.file.path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Sprachcafé"
    assert "Kaffee trinken" in reader.pages[0].extract_text()
    assert "pdfuaid:part" in root["/Metadata"].get_object().get_data().decode("utf-8", "replace")

    first_audio_file = audio.file.name
    again = build_page_variants(page)
    assert again.built == [] and sorted(again.unchanged) == ["audio", "pdf"]

    page.body = BODY + [{"type": "paragraph", "value": "<p>Neu: auch am Freitag.</p>"}]
    page.save_revision().publish()
    rebuilt = build_page_variants(page)
    assert sorted(rebuilt.built) == ["audio", "pdf"]
    audio.refresh_from_db()
    assert not audio.file.storage.exists(first_audio_file) or audio.file.name == first_audio_file


def test_a_failing_build_is_recorded_and_offers_no_old_file(make_network, settings):
    page = news(make_network("fail"))
    build_page_variants(page)
    assert page_variants(page)["audio"] is not None
    old_file = variant(page, "audio").file.name

    settings.ACCESSIBILITY_ESPEAK_COMMAND = "/nonexistent/espeak-ng"  # a machine without espeak-ng
    result = build_page_variants(page, force=True)
    assert "audio" in result.failed and result.retryable
    audio = variant(page, "audio")
    assert audio.status == "failed"
    assert "/nonexistent/espeak-ng is not installed" in audio.error
    assert not audio.file and not audio.file.storage.exists(old_file)
    assert page_variants(page)["audio"] is None
    assert variant(page, "pdf").status == "current"  # the other variant is not held back


def test_changed_text_is_not_offered_with_the_old_files(make_network):
    page = news(make_network("stale"))
    build_page_variants(page)
    assert page_variants(page)["pdf_url"]
    assert mark_stale(page) == []  # same text: stays current

    page.title = "Sprachcafé am Freitag"
    page.save_revision().publish()
    assert len(mark_stale(page)) == 2
    shown = page_variants(page)
    assert shown["pdf_url"] is None and shown["audio"] is None


def test_bad_text_is_handled_or_refused_with_a_clear_message(make_network):
    emoji_rtl = news(
        make_network("bad"),
        title="Willkommen 🎉 مرحبا",
        teaser="Привет\u200d! שלום 👋",
        body=[{"type": "paragraph", "value": "<p>\u200b\u200e</p>"}],
    )
    result = build_page_variants(emoji_rtl)
    assert sorted(result.built) == ["audio", "pdf"], result.failed
    text = PdfReader(variant(emoji_rtl, "pdf").file.path).pages[0].extract_text().replace("\x00", "")
    assert "Willkommen" in text and "Привет" in text

    with pytest.raises(BuildRefused, match="keinen Text zum Vorlesen"):
        build_audio([Part("title", "🎉🎉")], "/tmp/never-written.ogg")
    huge = [Part("paragraph", "Wort " * (MAX_AUDIO_WORDS + 1))]
    with pytest.raises(BuildRefused, match="höchstens 20000 Wörter"):
        build_audio(huge, "/tmp/never-written.ogg")


def test_a_100000_word_page_is_refused_quickly_with_a_clear_message(make_network):
    body = [{"type": "paragraph", "value": "<p>" + "Wir lernen zusammen Deutsch. " * 25_000 + "</p>"}]
    page = news(make_network("huge"), title="Sehr lange Seite", body=body)
    result = build_page_variants(page, kinds=["audio", "pdf"])
    assert result.built == [] and not result.retryable
    assert result.failed["audio"].startswith("Die Seite hat 100006 Wörter; vorgelesen werden höchstens")
    assert variant(page, "pdf").status == "failed" and "höchstens 50000 Wörter" in variant(page, "pdf").error


def test_empty_page_gets_audio_of_its_title(make_network):
    page = news(make_network("empty"), title="Leere Seite", body=[], teaser="")
    result = build_page_variants(page)
    assert sorted(result.built) == ["audio", "pdf"]
    assert variant(page, "audio").duration_seconds > 0.3


def test_private_pages_get_no_public_files(make_network):
    from wagtail.models import PageViewRestriction

    page = news(make_network("private"))
    build_page_variants(page)
    audio_file = variant(page, "audio").file.name
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    result = build_page_variants(page, force=True)
    assert result.built == [] and set(result.failed) == {"audio", "pdf"}
    audio = variant(page, "audio")
    assert audio.status == "failed" and not audio.file and not audio.file.storage.exists(audio_file)
    assert page_variants(page)["audio"] is None and page_variants(page)["pdf_url"] is None


def test_a_variant_another_worker_is_building_is_left_alone_until_its_claim_expires(make_network):
    from datetime import timedelta

    from django.utils import timezone

    from accessibility.builders import BUILD_LEASE

    page = news(make_network("claim"))
    PageVariant.objects.create(page=page, kind="audio", status="building", build_started_at=timezone.now())
    result = build_page_variants(page)
    assert result.busy == ["audio"] and result.built == ["pdf"]
    assert variant(page, "audio").status == "building" and not variant(page, "audio").file

    PageVariant.objects.filter(page=page, kind="audio").update(
        build_started_at=timezone.now() - BUILD_LEASE - timedelta(seconds=1)
    )
    result = build_page_variants(page)  # the claim of a killed worker has expired
    assert result.built == ["audio"] and result.unchanged == ["pdf"]
    assert variant(page, "audio").build_started_at is None
