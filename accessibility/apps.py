from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    """Accessible variants of pages: Leichte Sprache pages and their checker, read-aloud
    audio and tagged PDFs, built by Celery workers when a page is published."""

    name = "accessibility"
    verbose_name = _("Accessibility")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import extensions

        from . import signals
        from .demo import LeichteSpracheDemo
        from .variants import api_representation, prefetch

        signals.connect()
        # Every page's Leichte Sprache counterpart, read-aloud audio and PDF in the API.
        extensions.add_page_api_field("accessibility_variants", api_representation, prefetch=prefetch)
        extensions.add_demo_content(LeichteSpracheDemo())
