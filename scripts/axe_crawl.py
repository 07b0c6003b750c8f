"""axe-core over every page type of every network in every language, once.

Run against a server that has the demo loaded (``make axe-all`` starts one; or ``make run`` in
another shell and ``python scripts/axe_crawl.py --port 8000``). The pages are picked from the
same database the server uses (``DJANGO_SETTINGS_MODULE``, ``DATABASE_URL``), then opened in
Debian's Chromium with the language's browser locale and checked with axe-core for WCAG 2.x
A/AA violations (the rules ``tests/browser`` uses).

Per network and language:

- one live page of every page type: the translation in that language where one exists, else the
  German page under the language's prefix (``/ar/…``), as the site serves it (the frame in the
  reader's language);
- the views that are no Wagtail page: search (with hits and without), newsletter sign-up and
  archive (and an archived issue if there is one), the calendar's list, month and past views;
- under ``de-x-ls``: the network's Leichte Sprache pages.

The demo has no translated pages. ``--translate-demo`` (``make axe-all`` passes it; it writes to
the database, so only for a crawl's own one) first publishes a copy of one page of every type in
every language where none exists — German words under ``lang="ar" dir="rtl"`` and so on, enough
for axe to see the right-to-left layout and each language's frame on a page of its own. A server
with a per-process cache (``runserver``) must start after it.

Prints a table network × language → pages checked, violations; with ``--details`` every violation
with its page. Exit status 1 when axe found anything.
"""

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM reads next to Playwright's loop


def translate(sites, languages):
    """Publish a copy of one page of every type in every language (with the parents it needs)."""
    from django.conf import settings
    from wagtail.models import Locale

    from tests.browser.axe_targets import pages_by_language

    settings.ACCESSIBILITY_BUILD_ON_PUBLISH = False  # no audio or PDF for these copies
    made = 0
    for site in sites:
        german = pages_by_language(site)["de"]
        for language in languages:
            locale = Locale.objects.get(language_code=language)
            for page in german.values():
                if not page.has_translation(locale):
                    page.copy_for_translation(locale, copy_parents=True).save_revision().publish()
                    made += 1
    print(f"{made} translated copies published", file=sys.stderr)


def wait_for_server(hostname, port, seconds=90):
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"No server answers on port {port} (start one with the demo loaded, or use make axe-all).")
            time.sleep(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--networks", nargs="*", help="hostnames' first label (default: every site)")
    parser.add_argument("--languages", nargs="*", help="default: every content language and de-x-ls")
    parser.add_argument(
        "--translate-demo", action="store_true", help="publish a translation of every page type first (writes!)"
    )
    parser.add_argument("--translate-only", action="store_true", help="with --translate-demo: do not crawl")
    parser.add_argument("--details", action="store_true", help="print every violation with its page")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()

    import django

    django.setup()
    from axe_playwright_python.sync_playwright import Axe
    from django.conf import settings
    from playwright.sync_api import sync_playwright
    from wagtail.models import Site

    from tests.browser.axe_targets import (
        LEICHTE_SPRACHE,
        browser_locale,
        leichte_sprache_targets,
        page_targets,
        pages_by_language,
        view_targets,
    )
    from tests.browser.conftest import WCAG_TAGS, format_violations

    languages = args.languages or [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    sites = sorted(Site.objects.select_related("root_page"), key=lambda s: s.hostname)
    if args.networks:
        sites = [s for s in sites if s.hostname.split(".")[0] in args.networks]
    if not args.languages:
        languages.append(LEICHTE_SPRACHE)
    plan = []
    for site in sites:
        by_language = pages_by_language(site)
        per_language = {}
        for language in languages:
            if language == LEICHTE_SPRACHE:
                per_language[language] = leichte_sprache_targets(site)
            else:
                per_language[language] = page_targets(site, language, by_language) + view_targets(site, language)
        plan.append((site, per_language))

    if args.translate_demo:
        translate(sites, [code for code in languages if code not in ("de", LEICHTE_SPRACHE)])
        if args.translate_only:
            return 0
    wait_for_server(sites[0].hostname, args.port)
    axe = Axe()
    rows, problems = [], []
    started = time.monotonic()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium,
            headless=True,
            args=["--no-sandbox", "--host-resolver-rules=MAP *.localhost 127.0.0.1"],
        )
        for site, per_language in plan:
            network = site.hostname.split(".")[0]
            for language, entries in per_language.items():
                context = browser.new_context(locale=browser_locale(language), timezone_id="Europe/Berlin")
                context.set_default_timeout(30_000)
                tab = context.new_page()
                checked = failed = count = mixed = 0
                for label, path in entries:
                    url = f"http://{site.hostname}:{args.port}{path}"
                    response = tab.goto(url)
                    if response is None or response.status >= 400:
                        problems.append((network, language, label, url, f"HTTP {response and response.status}"))
                        failed += 1
                        continue
                    violations = axe.run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response[
                        "violations"
                    ]
                    checked += 1
                    # Not an axe rule: the frame's language (Content-Language) against <html lang>.
                    # They differ where a German page is served under /ar/… without a translation.
                    html_lang = (tab.locator("html").get_attribute("lang") or "").split("-")[0]
                    frame_lang = (response.headers.get("content-language") or "").split("-")[0]
                    mixed += html_lang != frame_lang
                    if violations:
                        failed += 1
                        count += sum(len(v["nodes"]) for v in violations)
                        problems.append((network, language, label, url, format_violations(violations)))
                context.close()
                rows.append((network, language, checked, failed, count, mixed))
                print(f"  {network:<11} {language:<8} {checked:>3} pages, {failed} with findings", file=sys.stderr)
        browser.close()

    print(
        "\n| network | language | pages checked | pages with violations | violating nodes"
        " | frame language ≠ html lang (not axe) |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for network, language, checked, failed, count, mixed in rows:
        print(f"| {network} | {language} | {checked} | {failed} | {count} | {mixed} |")
    total = [sum(row[i] for row in rows) for i in (2, 3, 4, 5)]
    print(f"| **all** | | {total[0]} | {total[1]} | {total[2]} | {total[3]} |")
    print(f"\n{len(rows)} network × language pairs in {time.monotonic() - started:.0f} s")
    if problems:
        kinds = defaultdict(int)
        for *_rest, text in problems:
            for line in text.splitlines():
                if not line.startswith(" "):
                    kinds[line.split(" (")[0]] += 1
        print("findings by rule (pages): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        if args.details:
            for network, language, label, url, text in problems:
                print(f"\n{network} {language} {label}: {url}\n{text}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
