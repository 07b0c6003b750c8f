from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponseCacheConfig(AppConfig):
    """Cached anonymous answers (pages, API, feeds) and their exact invalidation: the middleware
    reads and fills the cache, the signal handlers bump a network's generation when something it
    shows changes, and a CDN in front is purged on the same events."""

    name = "responsecache"
    verbose_name = _("Response cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import invalidation

        invalidation.connect_signals()
