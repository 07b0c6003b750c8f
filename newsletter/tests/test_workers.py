"""Crash safety with real processes: Celery worker and beat subprocesses on the Redis broker,
PostgreSQL, and an aiosmtpd server counting what arrives.

- a worker SIGKILLed mid-send: a second worker takes over the expired claims; every
  subscriber gets the issue, duplicates at most the one mail in flight;
- Redis killed and restarted mid-send (its queues are lost): beat's ``resume_sends``
  re-enqueues from the delivery rows and the send completes, nobody twice.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from newsletter.models import Delivery, NewsletterIssue
from tests.ports import free_port

from .conftest import SMTP_PORT, add_subscribers, begin_send, make_issue

pytestmark = pytest.mark.skipif(
    not settings.USES_REAL_SERVICES, reason="needs PostgreSQL and Redis"
)  # CI=true requires them

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))
THROWAWAY_REDIS_PORT = free_port()


def _env(broker_url, **extra):
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=(
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        REDIS_URL=broker_url,
        CELERY_TASK_ALWAYS_EAGER="0",
        NEWSLETTER_SMTP_HOST="127.0.0.1",
        NEWSLETTER_SMTP_PORT=str(SMTP_PORT),
        NEWSLETTER_LEASE_SECONDS="3",
        NEWSLETTER_BATCH_SIZE="40",
        NEWSLETTER_RESUME_INTERVAL="1",
        NEWSLETTER_SMTP_CONNECTIONS="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


class Processes:
    def __init__(self, broker_url, **env):
        self.env = _env(broker_url, **env)
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix="nl-celery-")

    def start(self, *args):
        with open(Path(self.tmp) / f"proc{len(self.procs)}.log", "wb") as log:  # the child keeps its own copy
            proc = subprocess.Popen(
                [CELERY, "-A", "cms", *args], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        self.procs.append(proc)
        return proc

    def worker(self, name):
        return self.start(
            "worker",
            "--pool=solo",
            "-l",
            "warning",
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        )

    def beat(self):
        return self.start("beat", "-l", "warning", "-s", str(Path(self.tmp) / "beat-schedule"), "--max-interval", "1")

    def stop(self):
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def logs(self):
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(Path(self.tmp).glob("*.log")))


def _wait(condition, timeout, message, procs=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message + ("\n" + procs.logs() if procs else ""))


def _issue_status(issue):
    connection.close()  # fresh view of what the workers committed
    return NewsletterIssue.objects.get(pk=issue.pk).send_status


@pytest.fixture
def network_tx(transactional_db, make_network):
    return make_network("kiel")


def _flush_broker(url):
    import redis

    redis.Redis.from_url(url).flushdb()


@pytest.mark.parametrize("connections", [1, 3])
def test_worker_killed_mid_send_is_taken_over_without_loss(network_tx, smtp_server, connections):
    """With several SMTP connections per worker process, each has one mail in flight."""
    broker = settings.REDIS_URL
    _flush_broker(broker)
    people = add_subscribers(network_tx.site, 240)
    issue = make_issue(network_tx)
    smtp_server.delay = 0.01 * connections  # ~2.4 s of sending, so the kill lands mid-send
    procs = Processes(broker, NEWSLETTER_SMTP_CONNECTIONS=str(connections))
    try:
        first = procs.worker("first")
        procs.beat()
        assert begin_send(issue) == 240
        _wait(lambda: len(smtp_server.messages) >= 60, 60, "the first worker never got going", procs)
        first.send_signal(signal.SIGKILL)
        first.wait()
        at_kill = len(smtp_server.messages)
        assert at_kill < 240, "the send finished before the kill; make it slower"
        procs.worker("second")
        _wait(lambda: _issue_status(issue) == "sent", 90, "the second worker did not finish the send", procs)
    finally:
        procs.stop()
    counts = smtp_server.counts()
    assert set(counts) == {p.email for p in people}, "somebody got nothing"
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates <= connections, f"{duplicates} duplicates; only the mails in flight at the kill may come twice"
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 240


def test_one_worker_process_sends_over_several_connections_at_once(network_tx, smtp_server):
    """NEWSLETTER_SMTP_CONNECTIONS=3: one worker process keeps three SMTP sessions busy at the
    same time (sender threads), and still everybody gets the issue exactly once."""
    broker = settings.REDIS_URL
    _flush_broker(broker)
    people = add_subscribers(network_tx.site, 240)
    issue = make_issue(network_tx)
    smtp_server.delay = 0.02  # one connection alone would need ~5 s
    procs = Processes(broker, NEWSLETTER_SMTP_CONNECTIONS="3")
    try:
        procs.worker("threads")
        procs.beat()
        assert begin_send(issue) == 240
        _wait(lambda: _issue_status(issue) == "sent", 90, "the send did not finish", procs)
    finally:
        procs.stop()
    counts = smtp_server.counts()
    assert set(counts) == {p.email for p in people}
    assert max(counts.values()) == 1
    assert smtp_server.most_at_once == 3, f"at most {smtp_server.most_at_once} mails were received at once"


def test_slow_relay_and_two_workers_send_nobody_twice(network_tx, smtp_server):
    """A relay that takes seconds per mail and a lease shorter than a batch: the workers renew
    their leases by time, so beat never hands a row to the other worker while it is being sent
    (before fencing, 20 of 60 recipients got two copies this way)."""
    broker = settings.REDIS_URL
    _flush_broker(broker)
    people = add_subscribers(network_tx.site, 16)
    issue = make_issue(network_tx)
    smtp_server.delay = 0.6  # a batch of 8 takes ~5 s, the lease is 2 s
    procs = Processes(broker, NEWSLETTER_LEASE_SECONDS="2", NEWSLETTER_BATCH_SIZE="8")
    try:
        procs.worker("slow-a")
        procs.worker("slow-b")
        procs.beat()
        assert begin_send(issue) == 16
        _wait(lambda: _issue_status(issue) == "sent", 120, "the slow send did not finish", procs)
    finally:
        procs.stop()
    counts = smtp_server.counts()
    assert set(counts) == {p.email for p in people}, "somebody got nothing"
    assert max(counts.values()) == 1, f"duplicates: { {a: n for a, n in counts.items() if n > 1} }"
    assert Delivery.objects.filter(issue=issue, status="sent").count() == 16


def _free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def throwaway_redis():
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed for the Redis restart test"
    assert _free(THROWAWAY_REDIS_PORT), f"port {THROWAWAY_REDIS_PORT} is taken"
    cmd = [binary, "--port", str(THROWAWAY_REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    state = {"proc": subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)}

    def up():
        _wait(lambda: not _free(THROWAWAY_REDIS_PORT), 10, "redis-server did not start")

    def restart():
        state["proc"].send_signal(signal.SIGKILL)
        state["proc"].wait()
        _wait(lambda: _free(THROWAWAY_REDIS_PORT), 10, "redis-server did not stop")
        time.sleep(0.5)
        state["proc"] = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        up()

    up()
    try:
        yield f"redis://127.0.0.1:{THROWAWAY_REDIS_PORT}/0", restart
    finally:
        state["proc"].terminate()
        state["proc"].wait(timeout=10)


def test_redis_restart_mid_send_loses_nothing(network_tx, smtp_server, throwaway_redis):
    broker, restart_redis = throwaway_redis
    people = add_subscribers(network_tx.site, 240)
    issue = make_issue(network_tx)
    smtp_server.delay = 0.01
    procs = Processes(broker)
    try:
        procs.worker("redis")
        procs.beat()
        begin_send(issue)
        _wait(lambda: len(smtp_server.messages) >= 40, 60, "the worker never got going", procs)
        restart_redis()  # every queued batch is gone with it
        assert len(smtp_server.messages) < 240
        _wait(lambda: _issue_status(issue) == "sent", 120, "the send did not complete after the Redis restart", procs)
    finally:
        procs.stop()
    counts = smtp_server.counts()
    assert set(counts) == {p.email for p in people}
    assert max(counts.values()) == 1
