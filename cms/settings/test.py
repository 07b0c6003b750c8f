"""Tests: real PostgreSQL and Redis where they run (our machines, CI), SQLite and Celery's
in-memory transport where they don't (a laptop).

``CI=true`` makes the services mandatory: a CI run without them fails instead of quietly
testing less. ``DATABASE_URL`` / ``REDIS_URL`` override the defaults.
"""

import hashlib
import socket

from .base import *


def _reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


_in_ci = env_bool("CI")
_postgres_up = _reachable("127.0.0.1", 5432)
_redis_up = _reachable("127.0.0.1", 6379)
if _in_ci and not (_postgres_up and _redis_up):
    raise RuntimeError(
        "CI needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 "
        f"(PostgreSQL reachable: {_postgres_up}, Redis reachable: {_redis_up})."
    )

if "DATABASE_URL" not in os.environ and _postgres_up:
    DATABASES = {"default": dj_database_url.parse("postgres://postgres@127.0.0.1:5432/miteinander")}
# Parallel checkouts on one machine must not share a test database, a Celery queue or cache keys:
# each gets names of its own, derived from where it lives (or set by TEST_DATABASE_NAME). So must
# the worker processes of one run (`make test` runs pytest-xdist; each worker is "gw0", "gw1", …,
# and the Celery subprocesses a test starts inherit that name): pytest-django appends it to the
# test database's name, and it goes into the queues, the cache prefix, the Redis database and the
# media folder here.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
CHECKOUT_ID = hashlib.sha256(f"{BASE_DIR}{XDIST_WORKER}".encode()).hexdigest()[:8]
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", f"test_miteinander_{CHECKOUT_ID}")}

if not REDIS_URL and _redis_up:
    # A test may empty the cache (FLUSHDB), so each worker has a Redis database of its own.
    _worker_number = int(XDIST_WORKER[2:] or 0) if XDIST_WORKER.startswith("gw") else 0
    REDIS_URL = f"redis://127.0.0.1:6379/{(int(os.environ.get('TEST_REDIS_DB', '9')) + _worker_number) % 16}"
# Tests decide per test whether a task runs eagerly or through a real worker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_DEFAULT_QUEUE = f"celery-{CHECKOUT_ID}"
CELERY_MAIL_QUEUE = f"mail-{CHECKOUT_ID}"
CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues(CELERY_TASK_DEFAULT_QUEUE, CELERY_MAIL_QUEUE)
USES_REAL_SERVICES = bool(REDIS_URL) and DATABASES["default"]["ENGINE"].endswith("postgresql")

SECRET_KEY = "test-secret-key-with-enough-length-for-hmac-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "-".join(filter(None, ["test-media", XDIST_WORKER]))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILAPI_TOKEN_LAST_USED_INTERVAL = None
LOGGING["root"]["level"] = "WARNING"
CACHES = {
    "default": (
        {
            "BACKEND": "cms.rediscache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{CHECKOUT_ID}",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Celery worker and beat subprocesses started by the newsletter's crash tests run tasks for real.
if os.environ.get("CELERY_TASK_ALWAYS_EAGER") == "0":
    CELERY_TASK_ALWAYS_EAGER = False
ACCESSIBILITY_BUILD_ON_PUBLISH = False  # tests of the accessibility app turn it on themselves
# The response cache is off in tests except where a test turns it on (responsecache/tests): other
# tests change data in ways no signal reports and then read it back.
RESPONSE_CACHE_ENABLED = False
# Tests log in with Client.login (no request for django-axes) and without a phone; the tests in
# loginsecurity/ switch both on.
TWO_FACTOR_REQUIRED = False
AXES_ENABLED = False
