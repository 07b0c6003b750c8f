"""Newsletter send benchmark: 100,000 active subscribers on PostgreSQL, an issue of about
30 KB, postfix's smtp-sink as the mail server, our engine with production settings (two
Celery worker processes) — and in the same run postfix's smtp-source pushing the same number
of same-size messages into the same sink over the same number of sessions, as the ceiling,
once before and once after the engine (the ceiling is both runs together, so a machine whose
speed drifts during the run favours neither side; the bench says when the two differ by more
than 15 %, and such a ratio is not comparable).
Runs once per connection count (BENCH_CONNECTIONS, default "2,8": the engine with that many
SMTP connections — one worker process per core, each with connections/processes sender threads
(NEWSLETTER_SMTP_CONNECTIONS), so 8 on two cores is 2 processes × 4 connections; smtp-source
with that many sessions). The bench counts the sessions it sees open at once and prints them.

Prints per connection count: time to snapshot the recipients (both steps, as ``start_send`` logs
it; the whole call with validation beside it), time from the send to the first mail, total
time, mails/s, the ratio to smtp-source, peak worker memory; and the load average before the
run (figures taken with a load above 3 on this 2-core machine are not comparable), and the CPU
time per mail of the engine (worker processes, their PostgreSQL backends, the sink) and of
smtp-source (itself, the sink), which other load on the machine disturbs less; and the CPU
budget per mail that 0.8× smtp-source leaves when every core of the machine works on the send
(the engine, its database backends and the sink share the cores), beside what the engine used.
With BENCH_PROFILE=1, py-spy samples the worker processes and the top functions (own time) are
printed (waits for the mail server and the database included); BENCH_PROFILE=gil samples only
the thread holding the GIL, i.e. where the workers' Python spends CPU.
Run: `make bench-send` (or `python bench/send_bench.py`).

Environment: BENCH_SEND_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/miteinander_send_bench),
BENCH_SUBSCRIBERS (default 100000), BENCH_CONNECTIONS (default "2,8"),
BENCH_PROCESSES (worker processes, default one per core),
BENCH_SINK_PORT (default 2526), BENCH_REDIS_PORT (a private redis-server, default 2528),
BENCH_PROFILE (1 or gil: py-spy the workers), BENCH_PROFILE_OUT (a folder to keep py-spy's raw
profiles in).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get("BENCH_SEND_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/miteinander_send_bench")
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "100000"))
CONNECTIONS = [int(n) for n in os.environ.get("BENCH_CONNECTIONS", os.environ.get("BENCH_WORKERS", "2,8")).split(",")]
PROFILE = os.environ.get("BENCH_PROFILE", "") not in ("", "0")
PROFILE_GIL = os.environ.get("BENCH_PROFILE", "") == "gil"
SINK_PORT = int(os.environ.get("BENCH_SINK_PORT", "2526"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "2528"))
HOST = "bench.localhost"
CORES = os.cpu_count() or 1
TARGET_RATIO = 0.8  # issue 11: the engine at least 0.8x smtp-source

ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
    "ALLOWED_HOSTS": HOST,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
    "NEWSLETTER_SMTP_HOST": "127.0.0.1",
    "NEWSLETTER_SMTP_PORT": str(SINK_PORT),
    "LOG_LEVEL": "WARNING",
}


def stop_worker(worker, log):
    """SIGTERM (Celery's warm shutdown: running tasks finish); a worker still there after 30 s
    is a hang worth seeing: its threads' stacks are printed before it is killed."""
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=30)
        return
    except subprocess.TimeoutExpired:
        pass
    for pid in [worker.pid, *children(worker.pid)]:
        dump = subprocess.run(
            [str(Path(sys.executable).with_name("py-spy")), "dump", "--pid", str(pid)], capture_output=True, text=True
        )
        print(f"worker process {pid} did not stop:\n{dump.stdout}{dump.stderr}", file=sys.stderr)
    print(log.read_text()[-3000:], file=sys.stderr)
    worker.kill()
    sys.exit("the worker did not stop within 30 s of SIGTERM (stacks above)")


def wait_port(port, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def ensure_database():
    import psycopg

    base, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django():
    os.environ.update(ENV)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


LONG_TEASER = (
    "Der Runde Tisch hat in seiner letzten Sitzung beschlossen, die Sprachcafés in den Stadtteilen "
    "auszubauen, neue Ehrenamtliche für die Begleitung zu Behörden zu gewinnen und gemeinsam mit den "
    "Migrantenselbstorganisationen ein Fest der Begegnung im Sommer vorzubereiten. "
)


def build_content():
    """A network with news, events and an issue of about 30 KB; 100,000 active subscribers."""
    import datetime

    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page, Site

    from home.models import ActionFieldPage, EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage
    from newsletter.models import Delivery, NewsletterIssue, Subscriber

    site = Site.objects.filter(hostname=HOST).first()
    if site is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Runder Tisch Bench", slug="bench-send"))
        site = Site.objects.create(hostname=HOST, port=80, root_page=home, site_name="Runder Tisch Bench")
        field = home.add_child(instance=ActionFieldPage(title="Bildung", slug="bildung"))
        news_index = home.add_child(instance=NewsIndexPage(title="Aktuelles", slug="aktuelles"))
        events = home.add_child(instance=EventIndexPage(title="Termine", slug="termine"))
        for i in range(8):
            news = news_index.add_child(
                instance=NewsPage(
                    title=f"Meldung {i + 1}: Neues aus dem Netzwerk",
                    slug=f"meldung-{i}",
                    date=datetime.date(2026, 11, 1),
                    teaser=(LONG_TEASER * 2)[:400],
                )
            )
            news.action_fields = [field]
            news.save_revision().publish()
        for i in range(8):
            events.add_child(
                instance=EventPage(
                    title=f"Sprachcafé {i + 1}",
                    slug=f"sprachcafe-{i}",
                    start=timezone.now() + datetime.timedelta(days=i + 1),
                    location_name="Stadtteilhaus",
                    teaser=LONG_TEASER[:300],
                )
            ).save_revision().publish()
    Delivery.objects.filter(issue__site=site).delete()
    NewsletterIssue.objects.filter(site=site).delete()
    existing = Subscriber.objects.filter(site=site).count()
    if existing != SUBSCRIBERS:
        Subscriber.objects.filter(site=site).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {Subscriber._meta.db_table} "
                "(site_id, email, name, language, edition, status, consent_at, "
                "consent_source, consent_text_version, consent_note, created_at, updated_at) "
                "SELECT %s, 'person' || g || '@example.org', 'Person ' || g, 'de', "
                "CASE WHEN g %% 10 = 0 THEN 'leichte_sprache' ELSE 'standard' END, "
                "'active', now(), 'import', '1', '', now(), now() "
                "FROM generate_series(1, %s) g",
                [site.pk, SUBSCRIBERS],
            )
    # only rows that are not active: rewriting all of them left 100,000 dead rows per run, and
    # the claim read a bloated subscriber table that production does not have
    Subscriber.objects.filter(site=site).exclude(status="active").update(status="active")
    news = list(NewsPage.objects.descendant_of(site.root_page).live().order_by("pk"))
    events = list(EventPage.objects.descendant_of(site.root_page).live().order_by("start"))
    issue = NewsletterIssue(
        site=site,
        subject="Neuigkeiten aus dem Runden Tisch – November",
        preheader="Sprachcafés, Termine und Ergebnisse",
    )
    issue.body = [
        (
            "intro",
            {"text": "<p>" + LONG_TEASER * 2 + "</p>", "leichte_sprache": "Hallo.\nHier sind unsere Nachrichten."},
        ),
        ("articles", {"heading": "Aktuelles", "pages": news[:8]}),
        ("events", {"heading": "Termine", "pages": events[:4]}),
        ("text", {"heading": "In eigener Sache", "text": "<p>" + LONG_TEASER + "</p>", "leichte_sprache": ""}),
        ("button", {"label": "Alle Meldungen", "url": f"http://{HOST}/aktuelles/", "leichte_sprache": ""}),
    ]
    issue.save()
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


def sample_message_size(issue):
    from newsletter.message import Letterhead, Variant
    from newsletter.rendering import render_issue

    variant = Variant(render_issue(issue), "de")
    letterhead = Letterhead.build("Runder Tisch <newsletter@bench.localhost>", f"http://{HOST}")
    data = variant.message(
        letterhead,
        recipient="person1@example.org",
        name="Person 1",
        token="1:abcdefghijklmnopqrstuvwxyz0",
        message_id="<newsletter.1.1@bench.localhost>",
    )
    return len(variant.rendered.html), len(data)


def peak_rss_mb(pids):
    peaks = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peaks.append(int(match.group(1)) / 1024)
    return max(peaks) if peaks else float("nan")


def children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def top_functions(raw_path, limit=15):
    """Own time per function from py-spy's collapsed stacks: [(share, function)]."""
    own = {}
    total = 0
    for line in Path(raw_path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frame = stack.split(";")[-1]
        own[frame] = own.get(frame, 0) + int(count)
        total += int(count)
    return [(n / total, f) for f, n in sorted(own.items(), key=lambda item: -item[1])[:limit]] if total else []


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """User + system CPU seconds the processes have used so far (those still alive)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return total


BACKEND_TYPES = {}  # pid → pg_stat_activity.backend_type ("client backend", "autovacuum worker", …)


def database_backends_cpu(seen):
    """Record in ``seen`` (pid → CPU seconds) the PostgreSQL backends connected to the bench
    database now, but not this process's own (and their type in ``BACKEND_TYPES``). Called
    while the send runs, so a backend that closes meanwhile keeps its last reading."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, backend_type FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for pid, backend_type in cursor.fetchall():
            cpu = cpu_seconds([pid])
            if cpu:
                seen[pid] = cpu
                BACKEND_TYPES[pid] = backend_type
    return seen


def cpu_by_backend_type(backends, before):
    """CPU seconds of the send's database backends, summed by backend type."""
    totals = {}
    for pid, cpu in backends.items():
        kind = BACKEND_TYPES.get(pid, "?")
        totals[kind] = totals.get(kind, 0.0) + cpu - before.get(pid, 0.0)
    return totals


def smtp_sessions():
    """Established TCP connections to the sink right now (from /proc/net/tcp)."""
    count = 0
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[2].rsplit(":", 1)[1] == f"{SINK_PORT:04X}" and fields[3] == "01":
                count += 1
    return count


def split_connections(connections):
    """(worker processes, SMTP connections per process) for ``connections`` sessions: one
    process per core (or ``BENCH_PROCESSES``), the rest as sender threads (what
    ``NEWSLETTER_SMTP_CONNECTIONS`` sets)."""
    processes = min(connections, int(os.environ.get("BENCH_PROCESSES", CORES)))
    while connections % processes:
        processes -= 1
    return processes, connections // processes


class SourceRun:
    """One smtp-source run: its wall time and CPU (smtp-source itself, the sink)."""

    def __init__(self, messages, seconds, cpu, sink_cpu):
        self.messages, self.seconds, self.cpu, self.sink_cpu = messages, seconds, cpu, sink_cpu

    @property
    def rate(self):
        return self.messages / self.seconds


def smtp_source(source_bin, connections, per_session, message_size, sink_pid, when):
    """postfix's smtp-source: ``connections`` sessions of ``per_session`` messages each."""
    print(
        f"Baseline: smtp-source, {per_session * connections:,} messages of {message_size} bytes, {connections} sessions, {when} …",
        flush=True,
    )
    b0 = time.time()
    sources = [
        subprocess.Popen(
            [
                source_bin,
                "-d",
                "-s",
                "1",
                "-m",
                str(per_session),
                "-l",
                str(message_size),
                "-f",
                "newsletter@bench.localhost",
                "-t",
                "person@example.org",
                f"127.0.0.1:{SINK_PORT}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(connections)
    ]
    sink_before = cpu_seconds([sink_pid])
    cpu_source = 0.0
    for proc in sources:
        usage = os.wait4(proc.pid, 0)[2]
        proc.returncode = 0
        cpu_source += usage.ru_utime + usage.ru_stime
    seconds = time.time() - b0
    return SourceRun(per_session * connections, seconds, cpu_source, cpu_seconds([sink_pid]) - sink_before)


def run_once(issue, connections, message_size, tmp, start, source_bin, sink_pid):
    """smtp-source with ``connections`` sessions, the engine with as many SMTP connections, then
    smtp-source again."""
    from newsletter.models import Delivery, NewsletterIssue

    NewsletterIssue.objects.filter(pk=issue.pk).update(
        send_status="draft", send_started_at=None, send_finished_at=None, snapshot_after=None
    )
    Delivery.objects.filter(issue=issue).delete()
    from django.db import connection as db

    with db.cursor() as cursor:
        # The previous run's 100,000 deleted rows would bloat the table and its indexes: in
        # production rows are never deleted and autovacuum keeps the table tidy between sends.
        cursor.execute(f"VACUUM ANALYZE {Delivery._meta.db_table}")
    # Publishing the bench content enqueued other apps' work (accessible PDF builds): drop it, so
    # the send's batches are not queued behind minutes of PDF rendering.
    import redis

    redis.Redis(port=REDIS_PORT).flushall()
    before = smtp_source(
        source_bin, connections, SUBSCRIBERS // connections, message_size, sink_pid, "before the engine"
    )
    workers, threads = split_connections(connections)
    env = dict(os.environ, **ENV, NEWSLETTER_SMTP_CONNECTIONS=str(threads))
    worker = start(
        [
            str(Path(sys.executable).with_name("celery")),
            "-A",
            "cms",
            "worker",
            "--pool=prefork",
            f"--concurrency={workers}",
            "-l",
            "warning",
            "-n",
            "bench@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=open(tmp / f"worker-{connections}.log", "wb"),  # noqa: SIM115 - open for the child's lifetime
    )
    deadline = time.monotonic() + 60
    while len(children(worker.pid)) < workers and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)

    from django.db import connection
    from django.db.models import Max, Min

    from newsletter import sending

    spy = None
    if PROFILE:
        spy = subprocess.Popen(
            [str(Path(sys.executable).with_name("py-spy")), "record", "-p", str(worker.pid), "--subprocesses"]
            + ["-f", "raw", "-r", "200", "--nonblocking", "-o", str(tmp / f"profile-{connections}.txt")]
            + (["--gil"] if PROFILE_GIL else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
    # What the send button does: validate, snapshot (the first rows commit and are enqueued at
    # once, the rest follows), fan out. "snapshot" is the two insert steps as start_send logs
    # them; the first mail is timed from the call, validation included.
    import logging

    records = []
    capture = logging.Handler(logging.INFO)
    capture.emit = records.append
    log = logging.getLogger("newsletter.sending")
    log.setLevel(logging.INFO)
    log.propagate = False  # captured here, not printed
    log.addHandler(capture)
    worker_pids = children(worker.pid)
    cpu_before = cpu_seconds(worker_pids), cpu_seconds([sink_pid]), database_backends_cpu({})
    backends = {}
    t0 = time.time()
    count = sending.start_send(issue.pk)
    call_seconds = time.time() - t0
    log.removeHandler(capture)
    log.propagate = True
    snapshot_seconds = next(r.snapshot_seconds for r in records if hasattr(r, "snapshot_seconds"))
    peak = 0.0
    sessions = 0
    while True:
        time.sleep(0.5)
        peak = max(peak, peak_rss_mb(children(worker.pid)))
        sessions = max(sessions, smtp_sessions())
        database_backends_cpu(backends)
        if NewsletterIssue.objects.get(pk=issue.pk).send_status != "sending":
            break
        if worker.poll() is not None:
            sys.exit("the worker died:\n" + (tmp / f"worker-{connections}.log").read_text()[-3000:])
    peak = max(peak, peak_rss_mb(children(worker.pid)))
    # CPU the send cost, per mail: the worker processes, their database backends (looked at
    # every half second) and the sink. Less sensitive to other load on the machine than mails/s.
    cpu_workers = cpu_seconds(worker_pids) - cpu_before[0]
    cpu_sink = cpu_seconds([sink_pid]) - cpu_before[1]
    database_backends_cpu(backends)
    cpu_database = sum(cpu - cpu_before[2].get(pid, 0.0) for pid, cpu in backends.items())
    database_split = cpu_by_backend_type(backends, cpu_before[2])
    if spy is not None:
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=60)
        if os.environ.get("BENCH_PROFILE_OUT"):
            shutil.copy(tmp / f"profile-{connections}.txt", os.environ["BENCH_PROFILE_OUT"])
    stats = Delivery.objects.filter(issue=issue, status="sent").aggregate(first=Min("sent_at"), last=Max("sent_at"))
    sent = Delivery.objects.filter(issue=issue, status="sent").count()
    first_mail = stats["first"].timestamp() - t0
    total = stats["last"].timestamp() - t0
    ours = sent / total
    connection.close()
    stop_worker(worker, tmp / f"worker-{connections}.log")

    after = smtp_source(source_bin, connections, sent // connections, message_size, sink_pid, "after the engine")
    # the ceiling: both smtp-source runs together, one before and one after the engine, so a
    # machine that speeds up or slows down during the run does not favour either side
    source_messages = before.messages + after.messages
    baseline = source_messages / (before.seconds + after.seconds)
    cpu_source, cpu_source_sink = before.cpu + after.cpu, before.sink_cpu + after.sink_cpu

    print()
    print(f"recipients                {count:,} (sent {sent:,})")
    print(
        f"snapshot                  {snapshot_seconds:.2f} s (both steps; the send call with validation {call_seconds:.2f} s)"
    )
    print(f"time to first mail        {first_mail:.2f} s (from the send)")
    print(f"total time                {total:.1f} s")
    print(
        f"engine                    {ours:,.0f} mails/s over {connections} SMTP connections "
        f"({workers} worker processes × {threads} sender threads; {sessions} sessions seen at once)"
    )
    print(
        f"smtp-source (ceiling)     {baseline:,.0f} mails/s ({before.rate:,.0f}/s before the engine, "
        f"{after.rate:,.0f}/s after it)"
    )
    print(f"ratio engine/smtp-source  {ours / baseline:.2f}")
    if abs(before.rate - after.rate) > 0.15 * max(before.rate, after.rate):
        print("  the machine's speed changed during the run (the two smtp-source runs differ by more than 15 %):")
        print("  this ratio is not comparable; run again on a quiet machine")
    micro = 1e6 / sent
    print(
        f"CPU per mail, engine      {cpu_workers * micro:.0f} µs workers + {cpu_database * micro:.0f} µs "
        f"PostgreSQL + {cpu_sink * micro:.0f} µs sink"
    )
    print(
        "  PostgreSQL by backend     "
        + ", ".join(f"{kind} {cpu * micro:.0f} µs" for kind, cpu in sorted(database_split.items()))
    )
    print(
        f"CPU per mail, smtp-source {cpu_source * 1e6 / source_messages:.0f} µs smtp-source + "
        f"{cpu_source_sink * 1e6 / source_messages:.0f} µs sink"
    )
    # What the target ratio allows on this machine: all its cores busy, mails at that share of the ceiling.
    budget = CORES * 1e6 / (TARGET_RATIO * baseline)
    used = (cpu_workers + cpu_database + cpu_sink) * micro
    print(
        f"CPU budget for {TARGET_RATIO}×       {budget:.0f} µs per mail with all {CORES} cores busy; the engine used "
        f"{used:.0f} µs ({used / budget:.2f}× the budget)"
    )
    print(f"peak worker memory        {peak:.0f} MB (max RSS of one worker process)")
    if PROFILE:
        print(f"top functions (own time) of the workers, {connections} connections:")
        for share, name in top_functions(tmp / f"profile-{connections}.txt"):
            print(f"  {share:6.1%}  {name}")


def main():
    for tool in ("smtp-sink", "smtp-source", "redis-server"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: run scripts/install-system-packages.sh (postfix, redis-server)")
    sink_bin = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
    source_bin = shutil.which("smtp-source") or "/usr/sbin/smtp-source"
    tmp = Path(tempfile.mkdtemp(prefix="send-bench-"))
    procs = []

    def start(cmd, **kw):
        proc = subprocess.Popen(cmd, stdout=kw.pop("stdout", subprocess.DEVNULL), stderr=subprocess.STDOUT, **kw)
        procs.append(proc)
        return proc

    try:
        start(["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        wait_port(REDIS_PORT)
        sink = start(
            [sink_bin, "-u", os.environ.get("USER") or "root", "-R", str(tmp), "-c", f"127.0.0.1:{SINK_PORT}", "1024"],
            stdout=open(tmp / "sink.log", "wb"),  # noqa: SIM115 - open for the child's lifetime
        )
        wait_port(SINK_PORT)

        ensure_database()
        print(f"Preparing {SUBSCRIBERS:,} subscribers on PostgreSQL …", flush=True)
        setup_django()
        issue = build_content()
        html_size, message_size = sample_message_size(issue)
        print(
            f"Issue: {html_size / 1024:.1f} KB of HTML, {message_size / 1024:.1f} KB per mail (MIME, text + HTML)",
            flush=True,
        )

        print(f"load average before the runs: {os.getloadavg()[0]:.2f} (1 min)", flush=True)
        for connections in CONNECTIONS:
            run_once(issue, connections, message_size, tmp, start, source_bin, sink.pid)
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
