from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running Miteinander unattended: health checks, metrics, structured logs, backups, retention."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import signals  # noqa: F401 - task failure counter and task log context
