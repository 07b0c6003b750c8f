from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    """Accessible variants of pages: Leichte Sprache pages and their checker, read-aloud
    audio and tagged PDFs, built by Celery workers when a page is published."""

    name = "accessibility"
    verbose_name = _("Accessibility")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
