"""/health/ says the process lives; /health/ready/ names every dependency and fails when one is down."""

import json

import pytest
from django.conf import settings
from django.test import override_settings

from .conftest import CeleryProcesses, wait_for

pytestmark = pytest.mark.skipif(not settings.USES_REAL_SERVICES, reason="needs PostgreSQL and Redis")


def test_liveness_answers_without_touching_dependencies(client):
    """No database marker: pytest-django refuses any query, so this proves none is made."""
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def ready(client):
    response = client.get("/health/ready/", HTTP_ACCEPT="application/json")
    return response.status_code, response.json()["checks"]


def failing(checks):
    return sorted(name for name, check in checks.items() if not check["ok"])


@pytest.mark.django_db(transaction=True)
def test_ready_follows_worker_beat_redis_and_mail_server(client, throwaway_redis, smtp_port, tmp_path):
    port, stop_smtp = smtp_port
    cache = {**settings.CACHES["default"], "LOCATION": throwaway_redis.url}
    processes = CeleryProcesses(throwaway_redis.url, BEAT_HEARTBEAT_SECONDS="1")
    with override_settings(
        CELERY_TASK_ALWAYS_EAGER=False,
        CELERY_BROKER_URL=throwaway_redis.url,
        CACHES={"default": cache},
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        NEWSLETTER_SMTP_HOST="",
        MEDIA_ROOT=tmp_path,
    ):
        try:
            worker = processes.worker()
            processes.beat()
            wait_for(lambda: ready(client)[0] == 200, 240, lambda: f"never ready: {ready(client)}\n{processes.logs()}")
            status, checks = ready(client)
            assert set(checks) == {"database", "cache", "broker", "worker", "beat", "smtp", "disk"}
            assert all(check["used"] for check in checks.values())

            worker.terminate()
            worker.wait(timeout=15)
            status, checks = ready(client)
            assert status == 503
            assert failing(checks) == ["worker"]

            stop_smtp()
            assert failing(ready(client)[1]) == ["smtp", "worker"]

            throwaway_redis.stop()
            status, checks = ready(client)
            assert status == 503
            assert {"cache", "broker", "beat"} <= set(failing(checks))
            assert checks["database"]["ok"] and checks["disk"]["ok"]
        finally:
            processes.stop()


@pytest.mark.django_db
def test_ready_page_for_people_names_each_dependency_without_addresses(client):
    response = client.get("/health/ready/", HTTP_ACCEPT="text/html")
    body = response.content.decode()
    assert response.status_code in (200, 503)
    assert "<table>" in body
    assert "Database" in body or "Datenbank" in body
    assert "127.0.0.1" not in body and settings.DATABASES["default"]["NAME"] not in body


@pytest.mark.django_db
def test_ready_json_is_machine_readable_under_make_run_defaults(client):
    """Under `make run` tasks run in-process: broker, worker and beat are 'not used', not failing."""
    with override_settings(
        CELERY_TASK_ALWAYS_EAGER=True, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        response = client.get("/health/ready/?format=json")
    data = json.loads(response.content)
    assert response.status_code == 200, data
    assert {name for name, check in data["checks"].items() if not check["used"]} == {"broker", "worker", "beat", "smtp"}


@pytest.mark.django_db
def test_health_command_exits_1_naming_the_failed_dependency(tmp_path):
    """What the compose file's health checks run: exit status tells Docker, the output tells a person."""
    from io import StringIO

    from django.core.management import CommandError, call_command

    from tests.ports import free_port

    out = StringIO()
    with override_settings(MEDIA_ROOT=tmp_path):
        call_command("health", only=["database", "disk"], stdout=out)
    assert out.getvalue().splitlines()[0].split()[:2] == ["database", "ok"]

    closed_port = free_port()
    out = StringIO()
    with (
        override_settings(NEWSLETTER_SMTP_HOST="127.0.0.1", NEWSLETTER_SMTP_PORT=closed_port),
        pytest.raises(CommandError, match="smtp"),
    ):
        call_command("health", only=["smtp"], stdout=out)
    assert "FEHLER" in out.getvalue()  # German, as the operators of our networks read it
