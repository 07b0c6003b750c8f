from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportConfig(AppConfig):
    name = "report"
    verbose_name = _("Yearly reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import extensions

        from .permissions import REPORT_PERMISSIONS

        extensions.grant_to_editors("report", REPORT_PERMISSIONS)
