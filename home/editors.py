"""Editor groups per network: each network's editors may edit and publish its own page tree
and its own snippets, and nothing of the other networks on the same installation."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
SNIPPET_MODELS = ("contact", "organisation", "funder")


def ensure_editor_group(site, name=None):
    """Create (or complete) the editor group of a site; safe to call repeatedly."""
    group, _ = Group.objects.get_or_create(name=name or f"Redaktion {site.site_name}")
    model_perms = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=[
            f"{action}_{model}" for model in SNIPPET_MODELS for action in ("add", "change", "delete", "view")
        ],
    )
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(*model_perms, *admin_access)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=site.root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group
