"""Tests: real PostgreSQL and Redis where they run (our machines, CI), SQLite and Celery's
in-memory transport where they don't (a laptop).

``CI=true`` makes the services mandatory: a CI run without them fails instead of quietly
testing less. ``DATABASE_URL`` / ``REDIS_URL`` override the defaults.
"""

import socket

from .base import *  # noqa: F403


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


_in_ci = env_bool("CI")  # noqa: F405
_postgres_up = _reachable("127.0.0.1", 5432)
_redis_up = _reachable("127.0.0.1", 6379)
if _in_ci and not (_postgres_up and _redis_up):
    raise RuntimeError(
        "CI needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 "
        f"(PostgreSQL reachable: {_postgres_up}, Redis reachable: {_redis_up})."
    )

if "DATABASE_URL" not in os.environ and _postgres_up:  # noqa: F405
    DATABASES = {  # noqa: F405
        "default": dj_database_url.parse(  # noqa: F405
            "postgres://postgres@127.0.0.1:5432/miteinander"
        )
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # Parallel checkouts on one machine pick their own test database by name.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DATABASE_NAME", "test_miteinander")  # noqa: F405
    }

if not REDIS_URL and _redis_up:  # noqa: F405
    REDIS_URL = "redis://127.0.0.1:6379/" + os.environ.get("TEST_REDIS_DB", "9")  # noqa: F405
# Tests decide per test whether a task runs eagerly or through a real worker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = True
USES_REAL_SERVICES = bool(REDIS_URL) and DATABASES["default"]["ENGINE"].endswith("postgresql")  # noqa: F405

SECRET_KEY = "test-secret-key-with-enough-length-for-hmac-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = None
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
CACHES = {  # noqa: F405 - the test's own Redis database when Redis runs
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "test"}  # noqa: F405
        if REDIS_URL  # noqa: F405
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Celery worker and beat subprocesses started by the newsletter's crash tests run tasks for real.
if os.environ.get("CELERY_TASK_ALWAYS_EAGER") == "0":  # noqa: F405
    CELERY_TASK_ALWAYS_EAGER = False
ACCESSIBILITY_BUILD_ON_PUBLISH = False  # tests of the accessibility app turn it on themselves
