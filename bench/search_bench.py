"""Search benchmark: the production-shaped server (gunicorn, PostgreSQL, German text search)
with the demo content plus 300 extra news pages on one network.

Measures requests/s and p50/p99 for
  (a) the search API, a plural query that goes through the German word variants,
  (b) the autocomplete API (what the search field asks while a reader types),
  (c) the public search page /suche/ with the same query (HTML, grouped results),
  (d) a static JSON file of the size of (a), served by the same server: the ceiling,
and prints the ratios against (d). Run: `make bench-search` (or `python bench/search_bench.py`).

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/miteinander_search_bench),
BENCH_SECONDS (default 10 per scenario), BENCH_CONCURRENCY (default 4), BENCH_WORKERS (gunicorn,
default 2), BENCH_PORT (default 8141).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import api_bench  # noqa: E402  (database, settings and server setup are shared)
from bench.loadgen import run  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/miteinander_search_bench")
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8141"))
SITE = "altona.localhost"
QUERY = "Sprachkurse Frauen"

# 300 more news pages so the index holds more than the demo's few dozen pages per network.
TOP_UP = f"""
import datetime, itertools
from wagtail.models import Site
from home.models import NewsIndexPage, NewsPage
site = Site.objects.get(hostname="{SITE}")
index = NewsIndexPage.objects.descendant_of(site.root_page).first()
topics = ["Sprachkurs für Frauen", "Beratung für Geflüchtete", "Elterncafé", "Nachbarschaftsfest",
          "Ausbildung und Arbeit", "Wohnungssuche", "Gesundheitslotsen", "Ehrenamt im Stadtteil"]
for n, topic in zip(range(NewsPage.objects.child_of(index).count(), 300), itertools.cycle(topics)):
    page = index.add_child(instance=NewsPage(
        title=f"{{topic}} {{n}}", slug=f"bench-{{n}}", teaser=f"Neues zum Thema {{topic}} im Stadtteil.",
        date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        body=[{{"type": "paragraph", "value": "<p>Wir laden alle Nachbarinnen und Nachbarn herzlich ein. "
               "Die Kurse finden in den Räumen der Beratungsstellen statt.</p>" * 4}}]))
    page.save_revision().publish()
"""


def fetch(path):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Host": SITE})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def wait_for(path, server):
    for _ in range(150):
        if server.poll() is not None:
            raise SystemExit("gunicorn exited")
        try:
            return fetch(path)
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {path}")


def start(env):
    return subprocess.Popen(api_bench.gunicorn_command(PORT, WORKERS), cwd=ROOT, env=env)


def main():
    static_root = Path(tempfile.mkdtemp(prefix="miteinander-search-bench-"))
    env = api_bench.production_env(static_root, DATABASE_URL)
    print("preparing: fresh database, migrate, load_demo, 300 news pages, collectstatic …", flush=True)
    t0 = time.perf_counter()
    api_bench.recreate_database(DATABASE_URL)
    api_bench.manage(env, "migrate", "--noinput")
    api_bench.manage(env, "load_demo", "--quiet")
    api_bench.manage(env, "shell", "-c", TOP_UP)
    api_bench.manage(env, "collectstatic", "--noinput")
    print(f"prepared in {time.perf_counter() - t0:.1f} s", flush=True)

    q = urllib.parse.quote(QUERY)
    api_path = f"/api/v3/search/?q={q}"
    complete_path = "/api/v3/search/autocomplete/?q=Spra"
    page_path = f"/suche/?q={q}"
    server = start(env)
    try:
        wait_for("/healthz", server)
        answer = fetch(api_path)
        data = json.loads(answer)
        assert data["total"] >= 30, f"the search should find the Sprachkurs news (found {data['total']})"
        assert json.loads(fetch(complete_path))["results"], "autocomplete should suggest titles"
        assert b"Sprachkurs" in fetch(page_path)

        (static_root / "bench-search.json").write_bytes(answer)
        server.terminate()
        server.wait(timeout=20)
        server = start(env)  # WhiteNoise indexes STATIC_ROOT at start
        wait_for("/static/bench-search.json", server)

        headers = {"Host": SITE}
        print(
            f"\nserver: gunicorn, {WORKERS} sync workers, PostgreSQL ('german' config); client: {CONCURRENCY} "
            f"processes, {SECONDS:.0f} s per scenario, {os.cpu_count()} cores shared"
        )
        print(f"query: {QUERY!r}, {data['total']} hits; answer {len(answer)} B\n")
        for path in (api_path, complete_path, page_path, "/static/bench-search.json"):
            run("warm-up", "127.0.0.1", PORT, path, headers, seconds=1, concurrency=2)
        a = run("(a) search API", "127.0.0.1", PORT, api_path, headers, SECONDS, CONCURRENCY)
        b = run("(b) autocomplete API", "127.0.0.1", PORT, complete_path, headers, SECONDS, CONCURRENCY)
        c = run("(c) /suche/ HTML page", "127.0.0.1", PORT, page_path, headers, SECONDS, CONCURRENCY)
        d = run(
            "(d) static JSON, size of (a)",
            "127.0.0.1",
            PORT,
            "/static/bench-search.json",
            headers,
            SECONDS,
            CONCURRENCY,
        )
        for result in (a, b, c, d):
            print(result.row())
        for name, result in (("a", a), ("b", b), ("c", c)):
            print(
                f"ratio {name}/d: throughput {result.rps / d.rps:.3f}, "
                f"p99 {result.percentile(99) / d.percentile(99):.1f}x"
            )
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
