"""Scale benchmark (`make bench-scale`, on demand, not in CI): 10,000 pages over 20 networks,
100,000 subscribers and 1,000,000 delivery rows in a separate PostgreSQL database, then p50/p95
of what editors and readers do most:

- the admin's page explorer (a news index with 500 children) as a superuser and as the
  network's editor, the subscriber list with a search, an issue's newsletter report (5,000
  deliveries of the 1,000,000);
- the API listing of news, the public search and the search API;
- a cold public page (the response cache off: every request rendered) and a warm one.

The rows are written with COPY and INSERT … SELECT generate_series (a minute, not an hour of
ORM saves). Requests go through Django's test client in this process (production settings, no
network in between), so the figures are the server's own time.

The process is prepared as a gunicorn worker is (``cms/wsgi.py``): the URL configuration loaded
and the startup objects frozen out of full garbage collections (``cms/longlived.py``). Each
scenario's first request is timed apart ("first ms") and left out of p50/p95: it compiles the
scenario's templates and fills per-process caches (Wagtail's admin menu and icons, URL reversal,
translation catalogues), which a worker does once in its life (the Dockerfile runs gunicorn
without ``--max-requests``), not for each editor. The p50/p95 are what the worker's later
requests cost; the first one stays printed so a slow start cannot hide. For every measured request the
script also runs EXPLAIN on its queries (with sequential scans discouraged) and lists each big
table that is still read whole — the places where an index is missing.

Environment: BENCH_SCALE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/miteinander_scale_bench),
BENCH_SCALE_REPEATS (requests per scenario, default 30), BENCH_SCALE_KEEP=1 to reuse the data of the
previous run (skips the build), BENCH_SCALE_DIVISOR (divides the sizes; only to check the script),
BENCH_SCALE_ONLY=explorer to run only the scenarios whose label contains the word,
BENCH_SCALE_TIMINGS=1 to print every request's time in order.
"""

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import api_bench  # noqa: E402  (database creation and production settings are shared)

DATABASE_URL = os.environ.get("BENCH_SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/miteinander_scale_bench")
REPEATS = int(os.environ.get("BENCH_SCALE_REPEATS", "30"))
ONLY = os.environ.get("BENCH_SCALE_ONLY", "")  # runs only the scenarios whose label contains it
DIVISOR = int(os.environ.get("BENCH_SCALE_DIVISOR", "1"))  # >1 only to check the script quickly
NETWORKS = 20
PAGES_PER_NETWORK = 500 // DIVISOR  # home + news index + 498 news = 10,000 pages
SUBSCRIBERS_PER_NETWORK = 5_000 // DIVISOR  # 100,000
ISSUES_PER_NETWORK = 10  # 10 issues x 5,000 subscribers x 20 networks = 1,000,000 deliveries
BIG_TABLES = {
    "wagtailcore_page",
    "home_newspage",
    "newsletter_subscriber",
    "newsletter_delivery",
    "newsletter_newsletterissue",
    "wagtailcore_revision",
    "wagtailcore_referenceindex",
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path alphabet


def hostname(n):
    return f"net{n:02d}.localhost"


def setup_django(static_root):
    env = api_bench.production_env(static_root, DATABASE_URL)
    env["RESPONSE_CACHE_ENABLED"] = "true"  # in-process local-memory cache: one process, exact
    env["ACCESSIBILITY_BUILD_ON_PUBLISH"] = "false"  # the 40 publishes of the build need no audio/PDF
    os.environ.update(env)
    import django

    django.setup()
    from cms.longlived import prepare_web_worker

    prepare_web_worker()  # as cms/wsgi.py does in each gunicorn worker
    return env


def path_step(n):
    digits = ""
    for _ in range(4):
        n, rest = divmod(n, 36)
        digits = ALPHABET[rest] + digits
    return digits


def build_networks():
    """20 sites, each with a start page and a news index, through Wagtail (tree and revisions)."""
    from wagtail.models import Page, Site

    from home.models import HomePage, NewsIndexPage

    root = Page.get_first_root_node()
    indexes = []
    for n in range(NETWORKS):
        home = root.add_child(instance=HomePage(title=f"Netzwerk {n}", slug=f"netzwerk-{n}"))
        home.save_revision().publish()
        Site.objects.create(hostname=hostname(n), port=80, root_page=home, site_name=f"Netzwerk {n}")
        index = home.add_child(instance=NewsIndexPage(title="Aktuelles", slug="aktuelles"))
        index.save_revision().publish()
        indexes.append(Page.objects.get(pk=index.pk))
    return indexes


def copy_news(indexes):
    """498 news pages under each news index: wagtailcore_page and home_newspage rows by COPY."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale

    from home.models import NewsPage

    content_type = ContentType.objects.get_for_model(NewsPage).pk
    locale = Locale.get_default().pk
    per_index = PAGES_PER_NETWORK - 2
    rows = io.StringIO()
    for index in indexes:
        for i in range(1, per_index + 1):
            slug = f"meldung-{i}"
            title = f"Meldung {i} aus {index.url_path.split('/')[1]}"
            rows.write(
                "\t".join(
                    [
                        index.path + path_step(i),
                        str(index.depth + 1),
                        "0",
                        title,
                        slug,
                        "t",
                        "f",
                        f"{index.url_path}{slug}/",
                        "",
                        "f",
                        "",
                        "f",
                        str(content_type),
                        "f",
                        title,
                        str(uuid.uuid4()),
                        str(locale),
                        "2026-01-01 10:00:00+00",
                        "2026-01-01 10:00:00+00",
                    ]
                )
                + "\n"
            )
    columns = (
        "path, depth, numchild, title, slug, live, has_unpublished_changes, url_path, seo_title, show_in_menus, "
        "search_description, expired, content_type_id, locked, draft_title, translation_key, locale_id, "
        "first_published_at, last_published_at"
    )
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY wagtailcore_page ({columns}) FROM STDIN") as copy:
            copy.write(rows.getvalue())
        cursor.execute(
            """INSERT INTO home_newspage (page_ptr_id, teaser, body, date)
               SELECT id, 'Kurz gesagt: ein Beispiel.',
                      '[{"type": "paragraph", "value": "<p>Ein Absatz mit etwas Text.</p>", "id": "p1"}]'::jsonb,
                      DATE '2026-01-01' + (id %% 300)
               FROM wagtailcore_page WHERE content_type_id = %s AND id NOT IN (SELECT page_ptr_id FROM home_newspage)""",
            [content_type],
        )
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = %s WHERE id = ANY(%s)", [per_index, [i.pk for i in indexes]]
        )


def insert_subscribers_and_deliveries():
    """100,000 subscribers and 1,000,000 deliveries with INSERT … SELECT generate_series."""
    from django.db import connection
    from wagtail.models import Locale

    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO newsletter_subscriber (site_id, email, name, language, edition, status, consent_at,
                   consent_source, consent_text_version, consent_note, created_at, updated_at)
               SELECT s.id, 'leser' || n || '@' || s.hostname || '.example.org', 'Leser ' || n, 'de', 'standard',
                      CASE WHEN n %% 20 = 0 THEN 'unsubscribed' ELSE 'active' END, now(), 'import', 'v1',
                      'Liste des Netzwerks (Import)', now(), now()
               FROM wagtailcore_site s CROSS JOIN generate_series(1, %s) n
               WHERE s.hostname LIKE 'net%%.localhost'""",
            [SUBSCRIBERS_PER_NETWORK],
        )
        cursor.execute(
            """INSERT INTO newsletter_newsletterissue (site_id, subject, preheader, body, is_digest, send_status,
                   send_started_at, send_finished_at, created_at, live, has_unpublished_changes, expired,
                   locale_id, translation_key)
               SELECT s.id, 'Ausgabe ' || n, '', '[]'::jsonb, false, 'sent', now(), now(), now(), true, false, false,
                      %s, gen_random_uuid()
               FROM wagtailcore_site s CROSS JOIN generate_series(1, %s) n
               WHERE s.hostname LIKE 'net%%.localhost'""",
            [Locale.get_default().pk, ISSUES_PER_NETWORK],
        )
        cursor.execute(
            """INSERT INTO newsletter_delivery (issue_id, subscriber_id, address, status, attempts, last_error,
                   message_id, sent_at)
               SELECT i.id, sub.id, sub.email,
                      CASE WHEN sub.id % 50 = 0 THEN 'failed' ELSE 'sent' END, 1,
                      CASE WHEN sub.id % 50 = 0 THEN '550 mailbox unavailable' ELSE '' END,
                      '<' || i.id || '.' || sub.id || '@bench>', now()
               FROM newsletter_newsletterissue i JOIN newsletter_subscriber sub ON sub.site_id = i.site_id"""
        )
        cursor.execute("ANALYZE")


def build():
    t0 = time.perf_counter()
    indexes = build_networks()
    copy_news(indexes)
    insert_subscribers_and_deliveries()
    return time.perf_counter() - t0


def counts():
    from wagtail.models import Page

    from newsletter.models import Delivery, Subscriber

    return Page.objects.count(), Subscriber.objects.count(), Delivery.objects.count()


def explain_seq_scans(captured):
    """Big tables the captured SELECTs can only read whole: sequential scans that remain in the
    plan when the planner is told to avoid them (``enable_seqscan = off``). On small data
    (``BENCH_SCALE_DIVISOR``) PostgreSQL rightly prefers reading a small table whole, so a plain
    plan would report tables that have a usable index; this asks whether one exists."""
    from django.db import connection, transaction

    found = set()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in captured:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            try:
                with transaction.atomic():
                    cursor.execute("EXPLAIN " + sql)
                    lines = [line for (line,) in cursor.fetchall()]
            except Exception:  # a query whose parameters do not bind as plain text
                continue
            for line in lines:
                if "Seq Scan on " in line:
                    table = line.split("Seq Scan on ", 1)[1].split()[0]
                    if table in BIG_TABLES:
                        found.add(table)
    return sorted(found)


def measure(client, label, paths, host, before_each=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if ONLY and ONLY not in label:
        return None
    if before_each:
        before_each()
    started = time.perf_counter()
    client.get(paths[0], HTTP_HOST=host)  # the process's first such request: see the docstring
    first = (time.perf_counter() - started) * 1000
    timings, cpu = [], []
    for n in range(REPEATS):
        path = paths[n % len(paths)]
        if before_each:
            before_each()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, f"{label}: {path} answered {response.status_code}"
    if before_each:
        before_each()
    with CaptureQueriesContext(connection) as captured:
        client.get(paths[0], HTTP_HOST=host)
    if os.environ.get("BENCH_SCALE_TIMINGS") == "1":
        print(f"{label}: " + " ".join(f"{t:.0f}" for t in timings), flush=True)
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    queries = len(captured.captured_queries)
    return label, first, statistics.median(timings), p95, statistics.median(cpu), queries, explain_seq_scans(captured)


def verify_second_factor(client, user):
    """The admin's session as after a TOTP login (production settings require a second factor)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def network_editor_of(site):
    """A member of the site's editor group (as the admin's network setup makes one)."""
    from django.contrib.auth import get_user_model

    from home.editors import ensure_editor_group

    user, _created = get_user_model().objects.get_or_create(username=f"bench-editor-{site.pk}")
    user.groups.add(ensure_editor_group(site))
    return user


def scenarios():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Site

    from home.models import NewsIndexPage, NewsPage
    from newsletter.models import NewsletterIssue
    from responsecache import generations

    site = Site.objects.get(hostname=hostname(7))
    host = site.hostname
    index = NewsIndexPage.objects.descendant_of(site.root_page).first()
    news = list(NewsPage.objects.child_of(index).order_by("path")[:REPEATS])
    issue = NewsletterIssue.objects.filter(site=site).order_by("pk").first()
    admin = get_user_model().objects.filter(
        username="bench-admin"
    ).first() or get_user_model().objects.create_superuser("bench-admin", "bench@example.org", "bench-admin-password")
    editor = Client()
    editor.force_login(admin)
    verify_second_factor(editor, admin)
    network_editor = Client()  # what most people in the admin are: the editor of one network
    member = network_editor_of(site)
    network_editor.force_login(member)
    verify_second_factor(network_editor, member)
    reader = Client()
    subscribers = reverse("wagtailsnippets_newsletter_subscriber:list")

    def cold():
        generations.bump([generations.host_counter(host)])

    admin_host = "127.0.0.1"
    results = [
        measure(
            editor, f"admin page explorer ({PAGES_PER_NETWORK - 2} children)", [f"/admin/pages/{index.pk}/"], admin_host
        ),
        measure(
            network_editor,
            "admin page explorer, network editor",
            [f"/admin/pages/{index.pk}/"],
            admin_host,
        ),
        measure(editor, "subscriber list, search", [f"{subscribers}?q=leser4711"], admin_host),
        measure(
            editor,
            f"newsletter report ({SUBSCRIBERS_PER_NETWORK:,} rows)",
            [f"/admin/newsletter/issues/{issue.pk}/report/"],
            admin_host,
        ),
        measure(reader, "API listing, 20 news", ["/api/v3/listings/home.NewsPage/?limit=20&order=-date"], host, cold),
        measure(reader, "search page", ["/suche/?q=Meldung"], host, cold),
        measure(reader, "search API", ["/api/v3/search/?q=Meldung"], host, cold),
        measure(reader, "public page, cold", [page.url for page in news], host, cold),
    ]
    if not ONLY or ONLY in "public page, warm":
        for page in news:
            reader.get(page.url, HTTP_HOST=host)  # fill the cache
    results.append(measure(reader, "public page, warm", [page.url for page in news], host))
    return [result for result in results if result]


def main():
    print(f"load average at start: {api_bench.load_average():.2f}", flush=True)
    static_root = Path(tempfile.mkdtemp(prefix="miteinander-scale-bench-static-"))
    env = api_bench.production_env(static_root, DATABASE_URL)
    keep = os.environ.get("BENCH_SCALE_KEEP") == "1"
    if not keep:
        print("preparing: fresh database, migrate …", flush=True)
        api_bench.recreate_database(DATABASE_URL)
        api_bench.manage(env, "migrate", "--noinput")
    api_bench.manage(env, "collectstatic", "--noinput")
    setup_django(static_root)
    if not keep:
        seconds = build()
        print(f"built in {seconds:.1f} s", flush=True)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "update_index"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        print(f"search index built in {time.perf_counter() - t0:.1f} s", flush=True)
    pages, subscribers, deliveries = counts()
    print(f"rows: {pages} pages, {subscribers} subscribers, {deliveries} deliveries over {NETWORKS} networks\n")
    results = scenarios()
    header = f"{'scenario':<38} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'first ms':>9} {'CPU p50':>8}"
    print(f"{header}  big tables read whole (no usable index)")
    for label, first, p50, p95, cpu, queries, scans in results:
        line = f"{label:<38} {p50:8.1f} {p95:8.1f} {queries:8d} {first:9.1f} {cpu:8.1f}"
        print(f"{line}  {', '.join(scans) or '-'}")
    print(f"\n{REPEATS} requests per scenario after one first request (its time: 'first ms'), in-process")
    print("(Django test client, production settings, startup objects frozen as in cms/wsgi.py);")
    print("CPU p50: this process's CPU time per request (less disturbed by other load than p50/p95)")
    print("targets: p95 < 200 ms warm, < 500 ms cold")
    print(f"load average at end: {api_bench.load_average():.2f}")


if __name__ == "__main__":
    main()
