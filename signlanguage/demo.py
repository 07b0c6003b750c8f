"""Demo content for sign language, the BITV §4 explanations and the accessibility statement, added to every
demo network by ``load_demo``. Idempotent: what exists is kept, what is missing is added.

The DGS video is a generated test picture (ffmpeg's testsrc2, 640×480, 25 fps, 3 s, H.264):
made once and cached under ``var/demo-cache``; real networks upload real interpreters' videos.
"""

import datetime
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from wagtail.models import Collection, Site
from wagtailmedia import get_media_model

from home.extensions import DemoContribution

from .models import AccessibilityStatementPage, BITVExplanation, SignLanguageVideo, check_media
from .posters import build_poster

CACHE_DIR = Path(settings.BASE_DIR) / "var" / "demo-cache"
DEMO_VIDEO_NAME = "dgs-testvideo.mp4"

# Leichte Sprache: one sentence per line, short sentences, no negation, no passive, no
# genitive, no abbreviations, long words split with a Mediopunkt. Checked in the tests with
# accessibility.leichte_sprache.checker.
EXPLANATIONS = {
    "contents": (
        "Das ist die Internet·seite von einem Netzwerk in {city}.\n"
        "In dem Netzwerk arbeiten viele Menschen zusammen.\n"
        "Sie helfen Menschen aus anderen Ländern.\n"
        "Auf der Seite stehen Nachrichten.\n"
        "Hier stehen auch Termine.\n"
        "Sie finden hier auch unsere Projekte."
    ),
    "navigation": (
        "Oben auf der Seite ist das Menü.\n"
        "Dort klicken Sie auf ein Thema.\n"
        "Dann kommen Sie zu der Seite mit dem Thema.\n"
        "Ganz oben steht unser Name.\n"
        "Klicken Sie auf den Namen.\n"
        "Dann kommen Sie wieder zur Start·seite."
    ),
    "statement": (
        "Wir wollen eine Seite für alle Menschen machen.\n"
        "Alle Menschen sollen die Seite gut benutzen können.\n"
        "Das Wort dafür ist Barriere·freiheit.\n"
        "Manche Teile sind noch schwer.\n"
        "Das schreiben wir in die Erklärung zur Barriere·freiheit.\n"
        "Dort können Sie uns auch schreiben."
    ),
    "more": (
        "Hier gibt es noch mehr Texte in Leichter Sprache.\n"
        "Es gibt auch Videos in Gebärden·sprache.\n"
        "Die Videos finden Sie auf vielen Seiten.\n"
        "Bei den Videos ist ein Zeichen mit Händen.\n"
        "Sie können die Videos auch herunter·laden."
    ),
}

STATEMENT_INTRO = (
    "<p>Wir möchten, dass alle Menschen unsere Internetseite gut nutzen können. "
    "Diese Erklärung gilt für diese Internetseite. Grundlage ist die Barrierefreie-"
    "Informationstechnik-Verordnung (BITV 2.0).</p>"
)
NON_ACCESSIBLE = (
    "<ul><li>Einige ältere PDF-Dokumente sind noch nicht barrierefrei. Wir schicken Ihnen den "
    "Inhalt gerne als Text.</li><li>Gebärdensprachvideos gibt es noch nicht für alle Seiten.</li></ul>"
)


def explanation_texts(city):
    return {key: text.format(city=city) for key, text in EXPLANATIONS.items()}


def demo_video_file():
    """The cached demo video, generated with ffmpeg on first use."""
    path = CACHE_DIR / DEMO_VIDEO_NAME
    if path.exists() and path.stat().st_size > 0:
        return path
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise RuntimeError("ffmpeg is needed for the demo sign language video (apt install ffmpeg)")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part.mp4")
    subprocess.run(
        [
            ffmpeg,
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x480:rate=25",
            "-t",
            "3",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-movflags",
            "+faststart",
            str(partial),
        ],
        check=True,
        timeout=120,
    )
    partial.replace(path)
    return path


def ensure_demo_video(site):
    Media = get_media_model()
    title = f"DGS-Testvideo {site.site_name}"
    media = Media.objects.filter(title=title).first()
    if media is None:
        collection = (
            Collection.get_first_root_node().get_children().filter(name=site.site_name).first()
            or Collection.get_first_root_node()
        )
        with demo_video_file().open("rb") as handle:
            media = Media(title=title, type="video", collection=collection)
            media.file.save(DEMO_VIDEO_NAME, File(handle), save=False)
            media.save()
    check_media(media)
    build_poster(media)  # now, not only in a worker: the demo's players show a frame at once
    return media


def ensure_statement_page(home, today=None):
    existing = AccessibilityStatementPage.objects.child_of(home).first()
    if existing:
        return existing, False
    page = AccessibilityStatementPage(
        title="Erklärung zur Barrierefreiheit",
        slug="erklaerung-barrierefreiheit",
        intro=STATEMENT_INTRO,
        conformity=AccessibilityStatementPage.Conformity.PARTIAL,
        non_accessible_content=NON_ACCESSIBLE,
        prepared_on=today or datetime.date.today(),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def add_accessibility_content(site, city, today=None):
    """Give one network its BITV explanations, a DGS video on the start page and a statement."""
    with transaction.atomic():
        video = ensure_demo_video(site)
        home = site.root_page.specific
        texts = explanation_texts(city)
        explanation = BITVExplanation.objects.filter(site=site).first() or BITVExplanation(site=site)
        for key, text in texts.items():
            if not getattr(explanation, f"{key}_text"):
                setattr(explanation, f"{key}_text", text)
            if getattr(explanation, f"{key}_video_id") is None:
                setattr(explanation, f"{key}_video", video)
        explanation.full_clean()
        explanation.save()
        SignLanguageVideo.objects.get_or_create(page=home, defaults={"video": video, "site": site})
        statement, created = ensure_statement_page(home, today)
    return {"site": site.hostname, "statement": statement, "statement_created": created}


def add_to_demo_networks(specs):
    """Called by ``load_demo`` for the networks it built."""
    results = []
    for spec in specs:
        site = Site.objects.filter(hostname=spec["hostname"]).select_related("root_page").first()
        if site is not None:
            results.append(add_accessibility_content(site, spec["key"].capitalize()))
    return results


class SignLanguageDemo(DemoContribution):
    order = 20

    def add_to_networks(self, specs):
        add_to_demo_networks(specs)
        return []
