"""Development: the embedded default (SQLite, Celery tasks run in-process, mails on the console)."""

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-not-for-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# `make run` prints a password login for the demo; production asks for a second factor.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
