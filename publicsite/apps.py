from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    """The public reading side of a network's site: calendar, feeds, vCards, security headers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "publicsite"
    verbose_name = "Public site"

    def ready(self):
        from django.db.models.signals import post_init
        from wagtail.models import Page, get_page_models

        from .network import attach_locale

        for model in {Page, *get_page_models()}:
            post_init.connect(attach_locale, sender=model, dispatch_uid=f"publicsite.locale.{model._meta.label}")
