"""Real dependencies that a test can stop: a throwaway redis-server, a Celery worker and beat as
processes, an SMTP server."""

import contextlib
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
from aiosmtpd.controller import Controller
from django.conf import settings

from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message() if callable(message) else message)


def listening(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


class ThrowawayRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed (scripts/install-system-packages.sh)"
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: listening(self.port), 10, "redis-server did not start")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        wait_for(lambda: not listening(self.port), 10, "redis-server did not stop")


@pytest.fixture
def throwaway_redis():
    server = ThrowawayRedis()
    try:
        yield server
    finally:
        server.stop()


class CeleryProcesses:
    """`celery worker` and `celery beat` as the compose file runs them, against a given broker."""

    def __init__(self, broker_url, **env):
        db = settings.DATABASES["default"]
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "REDIS_URL": broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        if db["ENGINE"].endswith("postgresql"):
            self.env["DATABASE_URL"] = (
                f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
            )
        self.tmp = Path(tempfile.mkdtemp(prefix="ops-celery-"))
        self.procs = []

    def start(self, *args):
        with open(self.tmp / f"proc{len(self.procs)}.log", "wb") as log:
            proc = subprocess.Popen(
                [str(Path(sys.executable).with_name("celery")), "-A", "cms", *args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.procs.append(proc)
        return proc

    def worker(self):
        return self.start("worker", "--pool=solo", "-l", "warning", "-n", f"ops-{os.getpid()}@%h", "--without-mingle")

    def beat(self):
        return self.start("beat", "-l", "warning", "-s", str(self.tmp / "schedule"), "--max-interval", "1")

    def logs(self):
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.tmp.glob("*.log")))

    def stop(self):
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class _Accepting:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


@pytest.fixture
def smtp_port():
    port = free_port()
    controller = Controller(_Accepting(), hostname="127.0.0.1", port=port)
    controller.start()
    state = {"controller": controller}

    def stop():
        state["controller"].stop()

    yield port, stop
    with contextlib.suppress(AssertionError, RuntimeError):  # stopped by the test already
        controller.stop()
