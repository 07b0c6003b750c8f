from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Network content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permissions, scoping

        permissions.register_site_policies()
        from django.db.models.signals import post_save

        post_save.connect(permissions.grant_translated_root, dispatch_uid="home.grant_translated_root")
        scoping.scope_model_log_entries()
        from . import admin_rendering

        admin_rendering.install()  # the explorer's ~500 buttons without ~1,000 template renders
