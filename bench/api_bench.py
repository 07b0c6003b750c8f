"""API benchmark: the production-shaped server (gunicorn, PostgreSQL) with the demo content.

Measures requests/s and p50/p99 latency for
  (a) a listing of 20 pages with fields,
  (b) a page detail with a StreamField body,
  (c) a static JSON file of the same size as (a), served by the same server — the ceiling,
each of (a) and (b) twice in the same run: warm (answered from the response cache in Redis, as in
production) and cold (the response cache turned off, every request rendered), and prints the
ratios against (c). Run: `make bench-api` (or `python bench/api_bench.py`).

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/miteinander_bench),
BENCH_REDIS_URL (the response cache of the warm runs, default redis://127.0.0.1:6379/14),
BENCH_SECONDS (default 10 per scenario), BENCH_CONCURRENCY (default 4), BENCH_WORKERS (gunicorn, default 2).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadgen import run  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/miteinander_bench")
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SITE = "altona.localhost"
RETIRE_CACHED_ANSWERS = "from responsecache import generations; generations.bump([generations.GLOBAL])"


# A listing of 20 news items needs 20 of them on the benchmarked network.
TOP_UP_NEWS = f"""
import datetime
from wagtail.models import Site
from home.models import NewsIndexPage, NewsPage
site = Site.objects.get(hostname="{SITE}")
index = NewsIndexPage.objects.descendant_of(site.root_page).first()
for n in range(NewsPage.objects.child_of(index).count(), 25):
    page = index.add_child(instance=NewsPage(
        title=f"Meldung {{n}}", slug=f"bench-meldung-{{n}}", teaser="Kurz gesagt: ein Beispiel.",
        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
        body=[{{"type": "paragraph", "value": "<p>Ein Absatz mit etwas Text.</p>" * 5}}]))
    page.save_revision().publish()
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate_database(database_url=DATABASE_URL):
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def production_env(static_root, database_url=DATABASE_URL):
    """The production settings as the benchmarks run them: PostgreSQL, no Redis, local static files."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
    }


def cached_env(env):
    """The response cache on, in a Redis every gunicorn worker shares (as production runs it)."""
    return {**env, "CACHE_REDIS_URL": REDIS_URL, "RESPONSE_CACHE_ENABLED": "true"}


def uncached_env(env):
    """The response cache off: every request is rendered (the figures of a cache miss)."""
    return {**env, "CACHE_REDIS_URL": "", "RESPONSE_CACHE_ENABLED": "false"}


def retire_cached_answers(env):
    """Answers an earlier run left in the bench Redis are never read (a new global generation)."""
    manage(cached_env(env), "shell", "-c", RETIRE_CACHED_ANSWERS)


def load_average():
    return os.getloadavg()[0]


def start_server(env, port, probe_path, workers=WORKERS, host=SITE):
    server = subprocess.Popen(gunicorn_command(port, workers), cwd=ROOT, env=env)
    for _ in range(150):
        try:
            fetch(port, probe_path, host)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError(f"server did not answer {probe_path}")


def stop_server(server):
    server.terminate()
    server.wait(timeout=20)


def cache_state(port, path, host=SITE):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        return response.headers.get("X-Cache")


def gunicorn_command(port, workers=WORKERS):
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]


def fetch(port, path, host=SITE):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def main():
    static_root = Path(tempfile.mkdtemp(prefix="miteinander-bench-static-"))
    env = production_env(static_root)
    print(f"load average at start: {load_average():.2f}", flush=True)
    print("preparing: fresh database, migrate, load_demo, collectstatic …", flush=True)
    t0 = time.perf_counter()
    recreate_database()
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--quiet")
    manage(env, "shell", "-c", TOP_UP_NEWS)
    manage(env, "collectstatic", "--noinput")
    retire_cached_answers(env)
    print(f"prepared in {time.perf_counter() - t0:.1f} s", flush=True)

    port = free_port()
    listing_path = "/api/v3/listings/home.NewsPage/?limit=20&order=-date"
    server = start_server(uncached_env(env), port, "/healthz")
    try:
        listing = fetch(port, listing_path)
        items = json.loads(listing)["items"]
        assert len(items) == 20 and "teaser" in items[0], "the listing should give 20 news items with fields"
        news = json.loads(fetch(port, "/api/v3/pages/?type=home.NewsPage&limit=1"))["items"][0]
        detail_path = f"/api/v3/pages/{news['id']}/"
        detail = fetch(port, detail_path)
        assert json.loads(detail)["body"], "the detail page should have a StreamField body"
        # The ceiling: a static file of the listing's size, served by the same gunicorn (WhiteNoise).
        # WhiteNoise indexes STATIC_ROOT at start, so the servers below start after writing it.
        (static_root / "bench-listing.json").write_bytes(listing)
        headers = {"Host": SITE}
        paths = (listing_path, detail_path)
        for path in paths:
            run("warm-up", "127.0.0.1", port, path, headers, seconds=1, concurrency=2)
        cold = [
            run(f"{label}, cold (uncached)", "127.0.0.1", port, path, headers, SECONDS, CONCURRENCY)
            for label, path in zip(("(a) listing, 20 pages", "(b) detail with StreamField"), paths, strict=True)
        ]
        stop_server(server)

        server = start_server(cached_env(env), port, "/static/bench-listing.json")
        for path in paths:
            fetch(port, path)
            assert cache_state(port, path) == "HIT", f"{path} should come from the response cache"
            run("warm-up", "127.0.0.1", port, path, headers, seconds=1, concurrency=2)
        run("warm-up", "127.0.0.1", port, "/static/bench-listing.json", headers, seconds=1, concurrency=2)
        static = run(
            "(c) static JSON, same size", "127.0.0.1", port, "/static/bench-listing.json", headers, SECONDS, CONCURRENCY
        )
        warm = [
            run(f"{label}, warm (cached)", "127.0.0.1", port, path, headers, SECONDS, CONCURRENCY)
            for label, path in zip(("(a) listing, 20 pages", "(b) detail with StreamField"), paths, strict=True)
        ]
        print(
            f"\nserver: gunicorn, {WORKERS} sync workers, PostgreSQL, production settings, response cache in "
            f"Redis for the warm runs; client: {CONCURRENCY} processes, {SECONDS:.0f} s per scenario, "
            f"{os.cpu_count()} cores shared; load average now {load_average():.2f}"
        )
        print(f"sizes: listing {len(listing)} B, detail {len(detail)} B, static {len(listing)} B\n")
        for result in (*warm, *cold, static):
            print(result.row())
        print("\nratios against the static file (throughput, p99):")
        for result in (*warm, *cold):
            print(
                f"  {result.label:<44} {result.rps / static.rps:6.3f}   "
                f"p99 x{result.percentile(99) / static.percentile(99):.1f}"
            )
        print("targets: warm listing >= 0.3, warm detail >= 0.5")
        errors = sum(r.errors for r in (*warm, *cold, static))
        if errors:
            print(f"\n{errors} requests failed", file=sys.stderr)
            sys.exit(1)
    finally:
        stop_server(server)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
