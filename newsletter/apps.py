from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import extensions

        from . import permissions, snapshot, webhooks  # noqa: F401 - connect the tracking and pre_delete receivers
        from .demo import ReadersDemo, SendersDemo

        permissions.register_policies()
        extensions.grant_to_editors("newsletter", permissions.EDITOR_PERMISSIONS)
        extensions.add_demo_content(SendersDemo())
        extensions.add_demo_content(ReadersDemo())
