"""Production: PostgreSQL, Redis, real SMTP, HTTPS. Every secret comes from the environment."""

from .base import *

DEBUG = False
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "json")  # one JSON object a line
SECRET_KEY = os.environ["SECRET_KEY"]

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^health/", r"^metrics$"]  # probes speak plain HTTP inside
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
WAGTAILAPI_DOCS_ENABLED = env_bool("WAGTAILAPI_DOCS_ENABLED", True)

CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL", REDIS_URL)  # the cache may live apart from the broker
CACHES = {
    "default": (
        {"BACKEND": "cms.rediscache.RedisCache", "LOCATION": CACHE_REDIS_URL}
        if CACHE_REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Several gunicorn workers do not share a local-memory cache, so one worker's invalidation would
# not reach another's answers: the response cache is on by default only with Redis.
RESPONSE_CACHE_ENABLED = env_bool("RESPONSE_CACHE_ENABLED", bool(CACHE_REDIS_URL))
