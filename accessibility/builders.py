"""Plain functions that build a page's accessible variants: read-aloud audio (espeak-ng's
German voice, encoded as Opus by ffmpeg), a tagged PDF/UA (WeasyPrint) and the Leichte
Sprache report. Celery tasks only call :func:`build_page_variants`.

Rules every build follows:
* the text comes from :func:`accessibility.text.reading_order`; its hash decides whether a
  variant must be built: unchanged text builds nothing;
* while building, the variant is ``building`` and its old file is not offered; a build that
  fails leaves ``failed`` with the error and no file (never a stale file as current);
* text the builders cannot sensibly handle is refused with a clear message (:class:`BuildRefused`),
  which is not retried; other errors are retried by the task.
"""

import logging
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .leichte_sprache import TextTooLong, check
from .models import LeichteSpracheLink, LeichteSpracheSettings, PageVariant
from .text import Part, content_hash, plain_text, reading_order, word_count

logger = logging.getLogger(__name__)

# About 2.5 hours of speech; longer pages are better split than listened to in one file.
MAX_AUDIO_WORDS = 20_000
MAX_PDF_WORDS = 50_000
AUDIO_MIME = "audio/ogg"
AUDIO_TIMEOUT = 60 * 30
BUILD_LEASE = timedelta(seconds=AUDIO_TIMEOUT + 60)


class BuildRefused(Exception):
    """The page's text cannot be built into this variant; the message says why (German, for
    editors). Not retried: the same text would be refused again."""


@dataclass
class BuildResult:
    page_id: int
    built: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: dict = field(default_factory=dict)
    busy: list = field(default_factory=list)
    retryable: bool = False


def _run(args, **kwargs):
    try:
        return subprocess.run(args, check=True, capture_output=True, timeout=AUDIO_TIMEOUT, **kwargs)
    except FileNotFoundError as error:
        raise RuntimeError(f"{args[0]} is not installed (scripts/install-system-packages.sh)") from error
    except subprocess.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", "replace")[-500:] if error.stderr else ""
        raise RuntimeError(f"{args[0]} failed with exit code {error.returncode}: {stderr}") from error


def _speakable(parts):
    """Text for espeak-ng: one part per line, each ending in a stop so the voice pauses after
    headings and list items too."""
    lines = []
    for part in parts:
        text = part.text
        if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
            continue  # only emoji or symbols: nothing to say
        lines.append(text if text[-1] in ".!?:;" else text + ".")
    return "\n".join(lines)


def probe_duration(path):
    out = _run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)])
    return round(float(out.stdout.decode().strip()), 2)


def build_audio(parts, target, voice=None):
    """Speak ``parts`` with espeak-ng into ``target`` (Ogg Opus, mono, 24 kbit/s): about
    10 MB per hour of speech. Returns the duration in seconds."""
    words = word_count(parts)
    if words > MAX_AUDIO_WORDS:
        raise BuildRefused(
            _(
                "The page has %(words)s words; read-aloud audio is built for at most %(max)s words. "
                "Please split the page."
            )
            % {"words": words, "max": MAX_AUDIO_WORDS}
        )
    text = _speakable(parts)
    if not text:
        raise BuildRefused(_("The page has no text to read aloud."))
    with tempfile.TemporaryDirectory(prefix="variant-audio-") as tmp:
        source, wav = Path(tmp) / "text.txt", Path(tmp) / "speech.wav"
        source.write_text(text, encoding="utf-8")
        _run(
            [
                getattr(settings, "ACCESSIBILITY_ESPEAK_COMMAND", "espeak-ng"),
                "-v",
                voice or settings.ACCESSIBILITY_ESPEAK_VOICE,
                "-s",
                "150",
                "-b",
                "1",
                "-f",
                str(source),
                "-w",
                str(wav),
            ]
        )
        _run(
            [
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                str(wav),
                "-ac",
                "1",
                "-c:a",
                "libopus",
                "-b:a",
                "24k",
                "-application",
                "voip",
                "-f",
                "ogg",
                str(target),
            ]
        )
    return probe_duration(target)


def _direction(text):
    rtl = sum(1 for ch in text if unicodedata.bidirectional(ch) in ("R", "AL"))
    ltr = sum(1 for ch in text if unicodedata.bidirectional(ch) == "L")
    return "rtl" if rtl > ltr else "ltr"


def _print_css():
    path = finders.find("css/print.css")
    return Path(path).read_text(encoding="utf-8") if path else ""


_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\ufe0f]")


def _printable(part):
    """Emoji have no glyph in the PDF fonts (an empty box helps nobody): leave them out."""
    return Part(part.kind, _PICTOGRAPHS.sub("", part.text).strip(), part.level)


def pdf_html(page, parts, site_name=""):
    parts = [p for p in (_printable(p) for p in parts) if p.text] or [Part("title", page.title)]
    blocks, items = [], []
    for part in parts[1:]:  # the title is the document's h1
        if part.kind == "item":
            items.append(part)
            continue
        if items:
            blocks.append({"kind": "list", "items": [(i.text, _direction(i.text)) for i in items]})
            items = []
        blocks.append(
            {"kind": part.kind, "text": part.text, "level": min(part.level or 2, 4), "dir": _direction(part.text)}
        )
    if items:
        blocks.append({"kind": "list", "items": [(i.text, _direction(i.text)) for i in items]})
    return render_to_string(
        "accessibility/pdf.html",
        {
            "title": parts[0].text if parts else page.title,
            "title_dir": _direction(parts[0].text) if parts else "ltr",
            "blocks": blocks,
            "site_name": site_name,
            "lang": "de",
            "url": page.full_url or "",
            "print_css": _print_css(),
        },
    )


def build_pdf(page, parts, target, site_name=""):
    """Render a tagged PDF/UA-1 with language and title metadata into ``target``."""
    from weasyprint import HTML

    words = word_count(parts)
    if words > MAX_PDF_WORDS:
        raise BuildRefused(
            _("The page has %(words)s words; a PDF is built for at most %(max)s words.")
            % {"words": words, "max": MAX_PDF_WORDS}
        )
    html = pdf_html(page, parts, site_name)
    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        str(target),
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        custom_metadata=True,
    )


def leichte_sprache_report(page, parts):
    site = page.get_site()
    prefs = LeichteSpracheSettings.for_site(site) if site else None
    text = plain_text(parts)
    try:
        report = check(
            text, glossary=prefs.glossary_dict() if prefs else None, separator=prefs.separator if prefs else "\u00b7"
        )
    except TextTooLong as error:
        raise BuildRefused(str(error)) from error
    return {"text": text, **report.to_dict()}


def is_leichte_sprache_page(page):
    return LeichteSpracheLink.objects.filter(variant_id=page.pk).exists()


def kinds_for(page):
    kinds = [PageVariant.Kind.AUDIO, PageVariant.Kind.PDF]
    if is_leichte_sprache_page(page):
        kinds.append(PageVariant.Kind.LEICHTE_SPRACHE_REPORT)
    return kinds


def _replace_file(variant, tmp_path, filename):
    old = variant.file.name if variant.file else None
    with open(tmp_path, "rb") as handle:
        variant.file.save(filename, File(handle), save=False)
    variant.size = variant.file.size
    if old and old != variant.file.name:
        variant.file.storage.delete(old)


def _drop_file(variant):
    if variant.file:
        variant.file.delete(save=False)
    variant.size = None
    variant.duration_seconds = None


def _build_one(variant, page, parts, site_name):
    kind = variant.kind
    stem = f"{page.pk}-{slugify(page.slug)[:60] or 'seite'}"
    if kind == PageVariant.Kind.LEICHTE_SPRACHE_REPORT:
        variant.data = leichte_sprache_report(page, parts)
        return
    with tempfile.TemporaryDirectory(prefix="variant-") as tmp:
        if kind == PageVariant.Kind.AUDIO:
            path = Path(tmp) / f"{stem}.ogg"
            variant.duration_seconds = build_audio(parts, path)
            variant.data = {"mime": AUDIO_MIME}
        else:
            path = Path(tmp) / f"{stem}.pdf"
            build_pdf(page, parts, path, site_name)
            variant.data = {"mime": "application/pdf"}
        _replace_file(variant, path, path.name)


def _kind_hash(parts, kind, site, digest):
    """The report also depends on the site's separator and glossary; audio and PDF only on
    the text."""
    if kind == PageVariant.Kind.LEICHTE_SPRACHE_REPORT and site:
        prefs = LeichteSpracheSettings.for_site(site)
        return content_hash(parts, extra=f"{kind}:{prefs.separator}{prefs.glossary}")
    return digest


def build_page_variants(page, kinds=None, force=False):
    """Build what changed for the live version of ``page``. Returns a :class:`BuildResult`."""
    page = page.specific
    parts = reading_order(page)
    digest = content_hash(parts)
    site = page.get_site()
    site_name = site.site_name if site else ""
    result = BuildResult(page_id=page.pk)
    if page.get_view_restrictions().exists():
        # Media files are public: a private page gets no downloadable copies of its text.
        for variant in PageVariant.objects.filter(page=page):
            _drop_file(variant)
            variant.status = PageVariant.Status.FAILED
            variant.error = _("The page is not public, so no public audio or PDF files are built.")
            variant.save()
            result.failed[variant.kind] = variant.error
        return result
    for kind in kinds or kinds_for(page):
        variant, _created = PageVariant.objects.get_or_create(page=page, kind=kind)
        if not _claim(variant):
            result.busy.append(kind)  # another worker builds it right now; the task comes back
            continue
        kind_hash = _kind_hash(parts, kind, site, digest)
        if not force and variant.status == PageVariant.Status.CURRENT and variant.content_hash == kind_hash:
            PageVariant.objects.filter(pk=variant.pk).update(build_started_at=None)
            result.unchanged.append(kind)
            continue
        variant.status = PageVariant.Status.BUILDING
        variant.content_hash = kind_hash
        variant.error = ""
        variant.attempts += 1
        variant.save()
        try:
            _build_one(variant, page, parts, site_name)
        except Exception as error:
            _drop_file(variant)
            variant.status = PageVariant.Status.FAILED
            variant.error = str(error) or error.__class__.__name__
            variant.build_started_at = None
            variant.save()
            result.failed[kind] = variant.error
            if not isinstance(error, BuildRefused):
                result.retryable = True
                logger.warning("Building the %s of page %s failed: %s", kind, page.pk, error)
            continue
        variant.status = PageVariant.Status.CURRENT
        variant.attempts = 0
        variant.build_started_at = None
        variant.save()
        result.built.append(kind)
    return result


def _claim(variant):
    """Take the variant for this build, unless another worker has held it for less than
    :data:`BUILD_LEASE` (two publishes in quick succession on a worker with several
    processes). A claim of a killed worker expires. Reloads the variant on success."""
    now = timezone.now()
    claimed = (
        PageVariant.objects.filter(pk=variant.pk)
        .filter(Q(build_started_at__isnull=True) | Q(build_started_at__lt=now - BUILD_LEASE))
        .update(build_started_at=now)
    )
    if claimed:
        variant.refresh_from_db()
    return bool(claimed)


def mark_stale(page):
    """Called on publish before the rebuild is queued: variants whose text changed stop being
    offered at once, not only when the worker gets to them. Returns the kinds marked."""
    page = page.specific
    parts = reading_order(page)
    digest = content_hash(parts)
    site = page.get_site()
    stale = [
        v.pk
        for v in PageVariant.objects.filter(page=page, status=PageVariant.Status.CURRENT)
        if v.content_hash != _kind_hash(parts, v.kind, site, digest)
    ]
    PageVariant.objects.filter(pk__in=stale).update(status=PageVariant.Status.STALE, updated_at=timezone.now())
    return stale


__all__ = [
    "BuildRefused",
    "BuildResult",
    "build_audio",
    "build_pdf",
    "build_page_variants",
    "kinds_for",
    "is_leichte_sprache_page",
    "leichte_sprache_report",
    "mark_stale",
    "probe_duration",
]
