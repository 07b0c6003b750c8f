from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginSecurityConfig(AppConfig):
    """Second factor (TOTP, recovery codes) and login throttling for the admin."""

    name = "loginsecurity"
    verbose_name = _("Login security")
    default_auto_field = "django.db.models.BigAutoField"
