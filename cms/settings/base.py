"""Settings shared by every environment.

Environment variables (all optional in development):

- ``DATABASE_URL``: e.g. ``postgres://user:pass@host:5432/miteinander``; SQLite by default.
- ``REDIS_URL``: Celery broker and result backend; without it Celery tasks run in-process.
- ``SECRET_KEY``, ``ALLOWED_HOSTS`` (comma-separated), ``CSRF_TRUSTED_ORIGINS``.
- ``CORS_ALLOWED_ORIGINS``: comma-separated origins of headless front ends.
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
  ``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``.
- ``WAGTAILADMIN_BASE_URL``: the admin's public address, used in links in mails.
- ``HEADLESS_PREVIEW_URL``: front-end address for draft previews, ``{token}`` is replaced.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from kombu import Queue

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "search",
    "newsletter",
    "accessibility",
    "participation",
    "report",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "publicsite",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "publicsite.middleware.ContentLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.scoping.AdminNetworkMiddleware",  # an editor's admin URLs name only their network's objects
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "publicsite.middleware.SecurityHeadersMiddleware",
    # NUL characters and lone surrogates in a path or query string answer 400 (cms/input_guard.py)
    "cms.input_guard.RejectUnstorableInputMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the default content language; the admin follows each user's own choice.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("de", _("German"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("de", "Deutsch")]
# locale/ is what makemessages writes; thirdparty_locale/ gives German to third-party strings without it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "thirdparty_locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Miteinander"
# Addresses stay plain ASCII ("Sprachcafé" → /sprachcafe/, "Grüße" → /gruesse/): a slug with "é"
# turns into "sprachcaf%C3%A9" in mails, printed flyers and many CMS front ends. See home/slugs.py.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# SVG for networks' logos (kept as SVG with the "preserve-svg" filter). An SVG opened on its own
# from /media/ would run its scripts with the site's origin, so uploads are checked:
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
# drawings only, no scripts, handlers or outside links (home/images.py, every image upload form).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.images.NetworkImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to third parties from our pages

# API v3 (Wagtail 8, django-ninja)
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = 60 * 60  # seconds a preview link stays valid

# CORS: only the API, only for configured front ends, never credentials.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = ["authorization", "content-type", "accept", "accept-language"]

# Celery: a task loads ids and calls a plain function; see cms/celery.py.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Two queues: "mail" (newsletter sends, confirmation mails, the sweep that resumes sends) and
# "celery" (everything else: accessible versions, digests, webhooks, clean-ups). Production runs a
# worker per queue (docker-compose.yml: mailer, worker), so a send never waits behind audio or PDF
# builds of a big publish; a worker started without -Q consumes both (tests, benchmarks).
MAIL_TASKS = ("newsletter.send_batch", "newsletter.send_confirmation", "newsletter.resume_sends")


def celery_queues(default_queue, mail_queue):
    """(CELERY_TASK_QUEUES, CELERY_TASK_ROUTES) for these two queue names."""
    return (Queue(default_queue), Queue(mail_queue)), {name: {"queue": mail_queue} for name in MAIL_TASKS}


CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_MAIL_QUEUE = "mail"
CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues(CELERY_TASK_DEFAULT_QUEUE, CELERY_MAIL_QUEUE)

# Mail
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Miteinander <noreply@localhost>")

# Cookies: anonymous readers get none; the session cookie only exists after an admin login.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt into SAMEORIGIN themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "home.publish_scheduled", "schedule": 60.0},
}

# Newsletter (newsletter/): sending engine, double opt-in, digests, provider webhooks.
INSTALLED_APPS += ["anymail"]
CACHES = {
    "default": (
        {"BACKEND": "cms.rediscache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "miteinander"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
NEWSLETTER_SMTP_HOST = os.environ.get("NEWSLETTER_SMTP_HOST", "")  # default: EMAIL_HOST
NEWSLETTER_SMTP_PORT = os.environ.get("NEWSLETTER_SMTP_PORT", "")  # default: EMAIL_PORT
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "500"))
# Send tasks enqueued at once; each that sent something enqueues its successor (sending.enqueue_batches).
NEWSLETTER_MAX_TASKS_PER_ENQUEUE = int(os.environ.get("NEWSLETTER_MAX_TASKS_PER_ENQUEUE", "32"))
# Recipients snapshotted (and enqueued) before the rest of the list is written: the first batches
# go out while the snapshot's tail is inserted. Two batches' worth: a smaller first step commits
# sooner (the first mail leaves earlier), and fewer sender threads compete with the tail's insert
# (bench-send at 8 connections: median first mail 0.48 s and snapshot 0.89 s, against 0.69 s and
# 0.97 s with 4,000).
NEWSLETTER_SNAPSHOT_FIRST_ROWS = int(os.environ.get("NEWSLETTER_SNAPSHOT_FIRST_ROWS", "1000"))
NEWSLETTER_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_LEASE_SECONDS", "120"))
# SMTP connections per worker process (one sender thread each): a worker with --concurrency 2
# talks to the relay over up to 8 connections at the default.
NEWSLETTER_SMTP_CONNECTIONS = int(os.environ.get("NEWSLETTER_SMTP_CONNECTIONS", "4"))
NEWSLETTER_MAX_ATTEMPTS = 6
NEWSLETTER_RETRY_BASE_SECONDS = int(os.environ.get("NEWSLETTER_RETRY_BASE_SECONDS", "60"))
NEWSLETTER_CONFIRM_MAX_AGE = 7 * 24 * 3600
NEWSLETTER_CONFIRM_RETRY_SECONDS = int(os.environ.get("NEWSLETTER_CONFIRM_RETRY_SECONDS", "30"))  # doubles per retry
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET", "")}
CELERY_BEAT_SCHEDULE["newsletter-resume-sends"] = {
    "task": "newsletter.resume_sends",
    "schedule": float(os.environ.get("NEWSLETTER_RESUME_INTERVAL", "60")),
}
# Bounces by mail when sending through our own mail server (VERP: bounces+<id>-<sig>@<network domain>):
# a Maildir the server delivers them to, and/or an IMAP mailbox.
NEWSLETTER_BOUNCE_LOCAL_PART = os.environ.get("NEWSLETTER_BOUNCE_LOCAL_PART", "bounces")
NEWSLETTER_BOUNCE_MAILDIR = os.environ.get("NEWSLETTER_BOUNCE_MAILDIR", "")
NEWSLETTER_BOUNCE_IMAP_HOST = os.environ.get("NEWSLETTER_BOUNCE_IMAP_HOST", "")
NEWSLETTER_BOUNCE_IMAP_PORT = int(os.environ.get("NEWSLETTER_BOUNCE_IMAP_PORT", "993"))
NEWSLETTER_BOUNCE_IMAP_USER = os.environ.get("NEWSLETTER_BOUNCE_IMAP_USER", "")
NEWSLETTER_BOUNCE_IMAP_PASSWORD = os.environ.get("NEWSLETTER_BOUNCE_IMAP_PASSWORD", "")
NEWSLETTER_BOUNCE_IMAP_FOLDER = os.environ.get("NEWSLETTER_BOUNCE_IMAP_FOLDER", "INBOX")
CELERY_BEAT_SCHEDULE["newsletter-process-mailbox"] = {"task": "newsletter.process_mailbox", "schedule": 300.0}
CELERY_BEAT_SCHEDULE["newsletter-compose-digests"] = {"task": "newsletter.compose_due_digests", "schedule": 300.0}
# Accessible variants (accessibility app): build read-aloud audio, PDF and the Leichte Sprache
# report in a Celery task when a page is published.
ACCESSIBILITY_BUILD_ON_PUBLISH = env_bool("ACCESSIBILITY_BUILD_ON_PUBLISH", True)
ACCESSIBILITY_ESPEAK_VOICE = os.environ.get("ACCESSIBILITY_ESPEAK_VOICE", "de")
ACCESSIBILITY_ESPEAK_COMMAND = os.environ.get("ACCESSIBILITY_ESPEAK_COMMAND", "espeak-ng")
# Sign language (DGS) videos, BITV §4 explanations, the accessibility
# statement (app ``signlanguage``) and content translations (app ``translations``).
# wagtail-localize 1.14 and wagtailmedia 0.19 both declare and pass on Wagtail 8.
INSTALLED_APPS += ["signlanguage", "translations", "wagtailmedia", "wagtail_localize"]
# German stays the default and unprefixed; the others get /en/, /tr/, /ar/, /uk/, /ru/, /fa/.
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("fa", _("Persian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every uploaded video is checked against BITV 2.0 Anlage 2 (ffprobe) before it is stored.
WAGTAILMEDIA = {"MEDIA_FORM_BASE": "signlanguage.media_forms.CheckedMediaForm"}
SIGN_LANGUAGE_MIN_WIDTH = 320
SIGN_LANGUAGE_MIN_HEIGHT = 240
SIGN_LANGUAGE_MIN_FPS = 25
# Search: German stemming and stop words on PostgreSQL ("Sprachkurse" finds "Sprachkurs").
# After changing it, rebuild the index: ``manage.py update_index``.
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"

# Public forms: newsletter sign-up, participation forms, accessibility feedback, translation
# requests. One protection for all (cms/formprotection.py): a signed form token with its time,
# a same-origin check where readers get no CSRF cookie, a counter per client address.
# Behind a reverse proxy name the header that carries the client address
# (e.g. HTTP_X_FORWARDED_FOR), or every reader shares one rate limit.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
FORM_MAX_AGE = 24 * 60 * 60  # seconds a rendered form stays valid (then: "please send it again")
# Limits are (count, seconds): at most ``count`` in ``seconds`` per client address.
NEWSLETTER_SUBSCRIBE_RATE_LIMIT = (10, 60 * 60)  # sign-ups per client
NEWSLETTER_CONFIRM_MAIL_LIMIT = (3, 60 * 60)  # confirmation mails per email address (no mailbox bombing)
PARTICIPATION_MIN_FILL_SECONDS = 4  # a form sent sooner after it was shown is a bot's
PARTICIPATION_RATE_LIMIT = (5, 60 * 60)  # accepted submissions per client and network
ACCESSIBILITY_FEEDBACK_MIN_FILL_SECONDS = 3
ACCESSIBILITY_FEEDBACK_RATE_LIMIT = (5, 60 * 60)  # feedback attempts per client and network
TRANSLATION_REQUEST_RATE_LIMIT = (20, 60 * 60)  # translation requests per client (form and API)
PARTICIPATION_RETENTION_DAYS = 730  # the default privacy notice promises deletion after two years
CELERY_BEAT_SCHEDULE["purge-form-submissions"] = {
    "task": "participation.purge_old_submissions",
    "schedule": 24 * 60 * 60.0,
}
CSRF_FAILURE_VIEW = "participation.views.csrf_failure"  # form pages keep the reader's entries

# Operations (operations/): health, metrics, structured logs, backups, retention.
INSTALLED_APPS += ["operations"]
MIDDLEWARE.insert(0, "operations.logs.RequestLogMiddleware")
MIDDLEWARE.insert(1, "operations.metrics.MetricsMiddleware")
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "2"))  # seconds per dependency
HEALTH_BEAT_MAX_AGE = int(os.environ.get("HEALTH_BEAT_MAX_AGE", "180"))  # beat writes a heartbeat every minute
HEALTH_MIN_FREE_DISK_MB = int(os.environ.get("HEALTH_MIN_FREE_DISK_MB", "500"))
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")  # `Authorization: Bearer <token>` for /metrics
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS")  # e.g. 10.0.0.0/8 for a scraper inside
VARIANT_RETENTION_DAYS = int(os.environ.get("VARIANT_RETENTION_DAYS", "30"))  # audio/PDF of unpublished pages
# beat writes a heartbeat itself (operations/beat.py), not through a possibly busy worker
CELERY_BEAT_SCHEDULER = "operations.beat:HeartbeatScheduler"
BEAT_HEARTBEAT_SECONDS = float(os.environ.get("BEAT_HEARTBEAT_SECONDS", "60"))
CELERY_BEAT_SCHEDULE["operations-purge-unpublished-variants"] = {
    "task": "operations.purge_unpublished_variants",
    "schedule": 24 * 60 * 60.0,
}
# No third-party requests from the admin either: no Gravatar (it would get a hash of each editor's address).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact": {"()": "operations.logs.RedactFilter"},
        "context": {"()": "operations.logs.ContextFilter"},
    },
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "plain"),
            "filters": ["context", "redact"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # our own request log replaces Django's, which logs full URLs (with their tokens) on 4xx/5xx
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# Response cache (app ``responsecache``): anonymous pages, API reads, feeds and search answers
# come from the cache, keyed by network, path, query and language; publish-like events bump the
# network's generation (exact invalidation). Needs a cache every web process shares (Redis) or a
# single process (``make run``); production turns it on only with Redis (production.py).
INSTALLED_APPS += ["responsecache", "wagtail.contrib.frontend_cache"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,
    "responsecache.middleware.ResponseCacheMiddleware",
)
RESPONSE_CACHE_ENABLED = env_bool("RESPONSE_CACHE_ENABLED", True)
RESPONSE_CACHE_TIMEOUT = int(os.environ.get("RESPONSE_CACHE_TIMEOUT", "3600"))  # < form tokens' 24 h
RESPONSE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/images/",
    "/newsletter/",
    "/anymail/",
    "/healthz",
    "/health/",
    "/metrics",
    "/static/",
    "/media/",
    "/api/v3/preview/",
    "/api/v3/newsletter/",
    "/api/v3/whoami/",
]
# API answers that look a page up by id in any network depend on every network's counter.
RESPONSE_CACHE_CROSS_NETWORK_PREFIXES = ["/api/v3/sign-language/pages/", "/api/v3/translations/pages/"]
# Browsers revalidate every time (max-age=0, cheap with ETag → 304); shared caches (CDN, Varnish)
# keep answers for s-maxage and are purged on every event of the network (frontend cache below).
RESPONSE_CACHE_CONTROL = {
    "page": "public, max-age=0, s-maxage=600, stale-while-revalidate=60",
    "api": "public, max-age=0, s-maxage=300, stale-while-revalidate=30",
    "feed": "public, max-age=300, s-maxage=900, stale-while-revalidate=300",
    "search": "public, max-age=0, s-maxage=60, stale-while-revalidate=30",
}
# A CDN or Varnish in front: FRONTEND_CACHE_URL=http://varnish:6081 sends PURGE requests there
# (wagtail.contrib.frontend_cache's HTTP backend); see the README for the Varnish configuration.
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }
    if os.environ.get("FRONTEND_CACHE_URL")
    else {}
)

# Publish webhooks (app ``webhooks``): signed POSTs to the front ends' endpoints, retried with
# exponential backoff (base × 2^(attempt−1) seconds) until the last attempt.
INSTALLED_APPS += ["webhooks"]
# django-ninja's templates and static files: the API docs page (/api/v3/docs/) serves Swagger UI
# from our own host (without this app Ninja renders it from a CDN, which our CSP blocks).
INSTALLED_APPS += ["ninja"]
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "6"))
WEBHOOK_RETRY_BASE_SECONDS = int(os.environ.get("WEBHOOK_RETRY_BASE_SECONDS", "30"))
WEBHOOK_TIMEOUT = int(os.environ.get("WEBHOOK_TIMEOUT", "10"))

# Account security (app ``loginsecurity``): a second factor (passkey or security key, TOTP app,
# recovery codes) for superusers and for editor groups given "must log in with a second factor";
# failed logins are throttled per username and client address by django-axes. Unlock:
# `manage.py reset_two_factor`.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static", "axes"]
# loginsecurity before django_otp_webauthn: our German translations of its messages win
INSTALLED_APPS += ["loginsecurity", "django_otp_webauthn"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1, "loginsecurity.middleware.TwoFactorMiddleware"
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Miteinander")
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))  # failed logins before a lockout
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.clients.client_address"  # honours CLIENT_IP_HEADER behind a proxy
AXES_LOCKOUT_CALLABLE = "loginsecurity.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are enough; no table of every editor's logins
AXES_VERBOSE = False
# Passkeys and security keys (WebAuthn, django-otp-webauthn) as a second factor, never instead of
# the password. A passkey is bound to its relying-party id: by default the host the editor logs in
# on (each network's admin host, e.g. altona.example.org); WEBAUTHN_RP_ID names a parent domain
# instead (example.org), so one passkey works on every host below it. The browser's origin must be
# the request's own (scheme and host, checked by ALLOWED_HOSTS) or one of WEBAUTHN_ALLOWED_ORIGINS.
OTP_WEBAUTHN_RP_ID = os.environ.get("WEBAUTHN_RP_ID", "").strip().strip(".").lower()
OTP_WEBAUTHN_RP_ID_CALLABLE = "loginsecurity.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = os.environ.get("WEBAUTHN_RP_NAME", "Miteinander")
OTP_WEBAUTHN_RP_NAME_CALLABLE = "loginsecurity.passkeys.relying_party_name"
OTP_WEBAUTHN_HELPER_CLASS = "loginsecurity.passkeys.PasskeyHelper"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEBAUTHN_ALLOWED_ORIGINS")
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False  # the password (and django-axes' lockout) always comes first
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = ""  # loginsecurity.ceremonies logs refused answers as warnings
if not OTP_WEBAUTHN_ALLOWED_ORIGINS:
    # "no allowed origins": PasskeyHelper takes the request's own origin instead of a fixed list
    SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# Editors' tools (issue 13): their own API tokens with expiry and read-only, enforced here.
INSTALLED_APPS += ["editors"]
MIDDLEWARE.append("editors.tokens.TokenLimitsMiddleware")
