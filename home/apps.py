from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Network content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions, scoping

        permissions.register_site_policies()
        scoping.scope_model_log_entries()
