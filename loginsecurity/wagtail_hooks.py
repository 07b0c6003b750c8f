from django.contrib.auth.models import Permission
from wagtail import hooks


@hooks.register("register_permissions")
def two_factor_permission():
    """Administrators tick "must log in with a second factor" per editor group."""
    return Permission.objects.filter(content_type__app_label="loginsecurity", codename="require_two_factor")
