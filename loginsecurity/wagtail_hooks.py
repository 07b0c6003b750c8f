from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import account


@hooks.register("register_permissions")
def two_factor_permission():
    """Administrators tick "must log in with a second factor" per editor group."""
    return Permission.objects.filter(content_type__app_label="loginsecurity", codename="require_two_factor")


@hooks.register("register_admin_urls")
def security_urls():
    """The editor's own security page; behind the admin login and, once a factor exists, behind
    the second factor (TwoFactorMiddleware)."""
    return [
        path("anmeldesicherheit/", account.security, name="loginsecurity_security"),
        path(
            "anmeldesicherheit/passkeys/<int:pk>/umbenennen/",
            account.passkey_rename,
            name="loginsecurity_passkey_rename",
        ),
        path(
            "anmeldesicherheit/passkeys/<int:pk>/entfernen/",
            account.passkey_remove,
            name="loginsecurity_passkey_remove",
        ),
        path("anmeldesicherheit/app/entfernen/", account.app_remove, name="loginsecurity_app_remove"),
        path(
            "anmeldesicherheit/wiederherstellungscodes/",
            account.recovery_codes_renew,
            name="loginsecurity_recovery_codes_renew",
        ),
    ]


@hooks.register("register_account_menu_item")
def security_menu_item(request):
    return {
        "url": reverse("loginsecurity_security"),
        "label": _("Login security"),
        "help_text": _("Passkeys and security keys, authenticator app and recovery codes."),
    }
