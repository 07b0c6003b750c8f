from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    """The public reading side of a network's site: calendar, feeds, vCards, security headers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "publicsite"
    verbose_name = "Public site"
