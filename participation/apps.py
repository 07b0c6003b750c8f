from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation forms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import policy_registry

        from home.permissions import SiteScopedPermissionPolicy

        from .models import FormSubmission

        policy_registry.register(FormSubmission, SiteScopedPermissionPolicy(FormSubmission))
