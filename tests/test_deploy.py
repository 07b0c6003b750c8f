"""What an operator relies on: models and migrations agree, and the production settings pass
Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_models_have_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_pass_check_deploy():
    env = {
        # the browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for the test process only
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-like-secret-key-0123456789-abcdefghij",
        "ALLOWED_HOSTS": "netzwerk.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_compose_file_is_valid_and_every_service_reports_its_health():
    """`docker compose up` is what an operator runs first: the file must follow the Compose
    specification (validated against its JSON schema, as `make check-compose` does in CI) and
    every long-running service must have a health check, so `depends_on` and restarts work."""
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            "docker-compose.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    from ruamel.yaml import YAML

    compose = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    for name in ("web", "worker", "mailer", "beat", "db", "redis"):
        assert "test" in services[name].get("healthcheck", {}), f"{name} has no health check"
    # the beat's check runs our own command with a check that exists
    beat_check = services["beat"]["healthcheck"]["test"]
    assert beat_check[1:4] == ["python", "manage.py", "health"]
    from operations.health import CHECKS

    assert beat_check[-1] in {name for name, _label, _check in CHECKS}


def test_a_web_worker_leaves_its_startup_objects_out_of_full_garbage_collections():
    """Each full garbage collection in a gunicorn worker walked the quarter million objects of
    Django, Wagtail and the views, and the editor whose request it fell into waited 120–150 ms
    more (every dozen page explorer requests). The worker freezes them once it has loaded, and
    collects young objects less often (the explorer's p95 fell from 182-195 to 147-156 ms)."""
    code = "import gc, cms.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()), *gc.get_threshold())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    frozen, walked, *thresholds = map(int, result.stdout.split())
    assert frozen > 100_000, frozen  # the views were loaded before the freeze
    assert walked < 1_000, walked
    assert thresholds[0] >= 10_000, thresholds  # not Python's default of 700
