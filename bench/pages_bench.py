"""Page-rendering benchmark: the production-shaped server (gunicorn, PostgreSQL, demo content)
rendering the five heaviest public page types, against a static HTML file of the same size
served by the same gunicorn (WhiteNoise) in the same run.

The five heaviest types are chosen in the run: every page type of the demo network is timed
(median of a few single requests) and the five slowest are loaded. The static file holds the
bytes of the heaviest page. Each page is loaded twice in the same run: cold (the response cache
off, every request rendered) and warm (answered from the response cache in Redis, as in
production). Prints requests/s, p50, p99 and the ratios page/static side by side.
Run: `make bench-pages` (or `python bench/pages_bench.py`).

Environment: BENCH_PAGES_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/miteinander_pages_bench),
BENCH_REDIS_URL (the warm runs' response cache, default redis://127.0.0.1:6379/14),
BENCH_SECONDS (default 5 per scenario), BENCH_CONCURRENCY (default 4), BENCH_WORKERS (gunicorn,
default 2), BENCH_PAGES_PORT (default 8131).
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["BENCH_DATABASE_URL"] = os.environ.get(
    "BENCH_PAGES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/miteinander_pages_bench"
)

from bench import api_bench  # noqa: E402  (database setup and manage() are shared, not copied)
from bench.loadgen import run  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PORT = int(os.environ.get("BENCH_PAGES_PORT", "8131"))
SITE = "altona.localhost"

# One URL per page type of the benchmarked network, printed as "Type path" lines.
LIST_PAGES = f"""
from wagtail.models import Site
site = Site.objects.get(hostname="{SITE}")
seen = set()
for page in site.root_page.get_descendants(inclusive=True).live().specific():
    kind = type(page).__name__
    if kind in seen:
        continue
    seen.add(kind)
    print(kind, page.get_url_parts()[2])
    if kind == "EventIndexPage":
        print("EventIndexPage(month)", page.get_url_parts()[2] + "?ansicht=month")
"""


def fetch(path):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Host": SITE})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def single_request_ms(path, repeats=7):
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        fetch(path)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    static_root = Path(tempfile.mkdtemp(prefix="miteinander-pages-bench-static-"))
    env = api_bench.production_env(static_root)
    print(f"load average at start: {api_bench.load_average():.2f}", flush=True)
    print("preparing: fresh database, migrate, load_demo, collectstatic …", flush=True)
    t0 = time.perf_counter()
    api_bench.recreate_database()
    api_bench.manage(env, "migrate", "--noinput")
    api_bench.manage(env, "load_demo", "--quiet")
    api_bench.manage(env, "collectstatic", "--noinput")
    api_bench.retire_cached_answers(env)
    listing = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LIST_PAGES],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = [tuple(line.split(" ", 1)) for line in listing.splitlines() if " /" in line]
    print(f"prepared in {time.perf_counter() - t0:.1f} s", flush=True)

    server = api_bench.start_server(api_bench.uncached_env(env), PORT, "/healthz", WORKERS)
    try:
        for _, path in pages:
            fetch(path)  # warm connections and Wagtail's site root paths
        costs = sorted(((single_request_ms(path), kind, path) for kind, path in pages), reverse=True)
        # Pages with a form carry a CSRF token and are never stored (responsecache rules): they are
        # rendered for every reader, so the warm comparison takes the five heaviest of the others.
        forms = {path for _, _, path in costs if b"csrfmiddlewaretoken" in fetch(path)}
        heaviest = [cost for cost in costs if cost[2] not in forms][:5]
        print("\nsingle-request render time per page type (median of 7, uncached):")
        for ms, kind, path in costs:
            print(f"  {kind:<24} {ms:7.2f} ms  {path}{'  (form: never cached)' if path in forms else ''}")
        bodies = {path: fetch(path) for _, _, path in heaviest}
        reference = max(bodies.values(), key=len)
        # The ceiling: the heaviest page's bytes as a static file from the same gunicorn (WhiteNoise
        # indexes STATIC_ROOT at start, so the cached server below starts after writing it).
        (static_root / "bench-page.html").write_bytes(reference)
        headers = {"Host": SITE}
        for _, _, path in heaviest:
            run("warm-up", "127.0.0.1", PORT, path, headers, seconds=1, concurrency=2)
        cold = {
            path: run(f"{kind}, cold", "127.0.0.1", PORT, path, headers, SECONDS, CONCURRENCY)
            for _, kind, path in heaviest
        }
        api_bench.stop_server(server)

        server = api_bench.start_server(api_bench.cached_env(env), PORT, "/static/bench-page.html", WORKERS)
        for _, _, path in heaviest:
            fetch(path)
            assert api_bench.cache_state(PORT, path) == "HIT", f"{path} should come from the response cache"
            run("warm-up", "127.0.0.1", PORT, path, headers, seconds=1, concurrency=2)
        run("warm-up", "127.0.0.1", PORT, "/static/bench-page.html", headers, seconds=1, concurrency=2)
        static = run(
            "static HTML, same size", "127.0.0.1", PORT, "/static/bench-page.html", headers, SECONDS, CONCURRENCY
        )
        warm = {
            path: run(f"{kind}, warm", "127.0.0.1", PORT, path, headers, SECONDS, CONCURRENCY)
            for _, kind, path in heaviest
        }
        print(
            f"\nserver: gunicorn, {WORKERS} sync workers, PostgreSQL, production settings, response cache in "
            f"Redis for the warm runs; client: {CONCURRENCY} processes, {SECONDS:.0f} s per scenario, "
            f"{os.cpu_count()} cores shared; load average now {api_bench.load_average():.2f}"
        )
        print(f"static file: {len(reference)} B (the largest of the five pages)\n")
        for _, _, path in heaviest:
            print(warm[path].row())
            print(cold[path].row())
        print(static.row())
        print("\nratios against the static file (throughput page/static; target warm >= 0.5):")
        print(f"  {'page type (bytes)':<40} {'warm':>7} {'cold':>7}   p99 warm/static")
        for _, kind, path in heaviest:
            label = f"{kind} ({len(bodies[path])} B)"
            print(
                f"  {label:<40} {warm[path].rps / static.rps:7.3f} {cold[path].rps / static.rps:7.3f}   "
                f"x{warm[path].percentile(99) / static.percentile(99):.1f}"
            )
        errors = sum(r.errors for r in (*warm.values(), *cold.values(), static))
        if errors:
            print(f"\n{errors} requests failed", file=sys.stderr)
            sys.exit(1)
    finally:
        api_bench.stop_server(server)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
