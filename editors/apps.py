from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editors"
    verbose_name = _("Editors' tools")

    def ready(self):
        from .header_buttons import install

        install()
