from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation forms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import policy_registry

        from home import extensions
        from home.permissions import SiteScopedPermissionPolicy

        from .demo import FormPagesDemo
        from .models import FormSubmission
        from .permissions import SUBMISSION_PERMISSIONS

        policy_registry.register(FormSubmission, SiteScopedPermissionPolicy(FormSubmission))
        extensions.grant_to_editors("participation", SUBMISSION_PERMISSIONS)
        extensions.add_demo_content(FormPagesDemo())
