"""Benchmark of the accessible variants on a 1,000-word page.

Run from the repository root:  make bench-variants   (or python bench/variants_bench.py)

Prints
* the Leichte Sprache checker's time on the page's text,
* the read-aloud audio's build time against the audio's duration (the real-time factor),
* the PDF's build time,
* the first publish (builds audio, PDF and the Leichte Sprache report through the publish
  signal and the Celery task, run in-process) against a second publish without a text change
  (should build nothing), and their ratio,
* precision and recall per rule on the labelled corpus (from bench/leichte_sprache_bench.py).

Uses a throw-away SQLite database and media folder, so it touches nothing else.
"""

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORK = Path(tempfile.mkdtemp(prefix="variants-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ.pop("REDIS_URL", None)  # Celery tasks run in-process: the time is the work itself
os.environ["ACCESSIBILITY_BUILD_ON_PUBLISH"] = "1"
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402

django.setup()
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from django.core.management import call_command  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from accessibility.builders import build_audio, build_pdf  # noqa: E402
from accessibility.checking import check_text  # noqa: E402
from accessibility.leichte_sprache import morphology  # noqa: E402
from accessibility.leichte_sprache_pages import link_leichte_sprache_version  # noqa: E402
from accessibility.models import PageVariant  # noqa: E402
from accessibility.text import plain_text, reading_order, word_count  # noqa: E402
from bench.leichte_sprache_bench import CORPUS, HOLDOUT, generated_text, load_corpus, report_quality  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402

WORDS = 1_000


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - t0, value


def body_of(text):
    """The generated text as a page body: a heading every eight lines, paragraphs between."""
    blocks, lines = [], [line for line in text.splitlines() if line.strip()]
    for i in range(0, len(lines), 8):
        blocks.append({"type": "heading", "value": {"text": f"Abschnitt {i // 8 + 1}", "level": "h2"}})
        blocks.append({"type": "paragraph", "value": "".join(f"<p>{line}</p>" for line in lines[i : i + 8])})
    return blocks


def main():
    print(f"Work folder: {WORK}")
    call_command("migrate", verbosity=0)
    rows = load_corpus()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Benchmark-Netzwerk", slug="bench"))
    home.save_revision().publish()
    site = Site.objects.create(hostname="bench.localhost", port=80, root_page=home, site_name="Benchmark")
    page = home.add_child(
        instance=StandardPage(
            title="Eine Seite mit tausend Wörtern", slug="tausend", body=body_of(generated_text(rows, WORDS))
        )
    )
    # a Leichte Sprache page, so the publish also builds the Leichte Sprache report
    link_leichte_sprache_version(home, page)
    parts = reading_order(page)
    text = plain_text(parts)
    print(f"Page: {word_count(parts):,} words in {len(parts)} parts, {len(text):,} characters")
    print()

    morphology.get_tagger()
    check_text("Das Treffen ist am Montag.", site)  # model load, not part of the figure
    dt_check, report = timed(check_text, text, site)
    print(
        f"Checker:            {dt_check * 1000:8.0f} ms  ({len(report['findings'])} findings, "
        f"{report['scores']['words'] / dt_check:,.0f} words/s)"
    )

    dt_audio, duration = timed(build_audio, parts, WORK / "audio.ogg")
    size = (WORK / "audio.ogg").stat().st_size
    print(
        f"Audio build:        {dt_audio:8.2f} s   for {duration:.1f} s of speech "
        f"(real-time factor {dt_audio / duration:.3f}, {duration / dt_audio:.0f}x faster than listening; "
        f"{size / 1024:.0f} KiB Opus)"
    )

    dt_pdf, _ = timed(build_pdf, page, parts, WORK / "page.pdf", site.site_name)
    print(f"PDF build:          {dt_pdf:8.2f} s   ({(WORK / 'page.pdf').stat().st_size / 1024:.0f} KiB, PDF/UA-1)")

    dt_first, _ = timed(lambda: page.save_revision().publish())
    built = {v.kind: v.status for v in PageVariant.objects.filter(page=page)}
    dt_second, _ = timed(lambda: page.save_revision().publish())
    print(f"First publish:      {dt_first:8.2f} s   (built: {', '.join(f'{k} {s}' for k, s in sorted(built.items()))})")
    print(
        f"Second publish:     {dt_second * 1000:8.0f} ms  (text unchanged: builds nothing)  "
        f"ratio second/first {dt_second / dt_first:.3f}"
    )
    print()
    report_quality(rows, CORPUS)
    if HOLDOUT.exists():
        report_quality(load_corpus(HOLDOUT), HOLDOUT, with_alarms=False)


if __name__ == "__main__":
    main()
