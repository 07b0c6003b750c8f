from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from home import extensions

        from .demo import TranslationRequestsDemo
        from .signals import on_page_saved

        post_save.connect(on_page_saved, dispatch_uid="translations-root-permissions")
        # The "Translate" action of wagtail-localize for every network's editors.
        extensions.grant_to_editors("wagtail_localize", ("submit_translation",))
        extensions.add_demo_content(TranslationRequestsDemo())
