"""Editor groups per network: each network's editors may edit and publish its own page tree
and its own snippets, and nothing of the other networks on the same installation."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .extensions import editor_permissions

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
SNIPPET_MODELS = ("contact", "organisation", "funder")
# Media permissions a group gets on its own network's collection (and nowhere else).
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailmedia": ("add_media", "change_media"),  # sign language videos
}


def ensure_collection(name):
    """A network's own collection for images and documents, named after the network."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def ensure_editor_group(site, name=None, collection=None):
    """Create (or complete) the editor group of a site; safe to call repeatedly."""
    group, _ = Group.objects.get_or_create(name=name or f"Redaktion {site.site_name}")
    model_perms = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=[
            f"{action}_{model}" for model in SNIPPET_MODELS for action in ("add", "change", "delete", "view")
        ],
    )
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    # What the feature apps registered (their policies narrow it to the editor's network).
    other_perms = Q()
    for app_label, codenames in editor_permissions().items():
        other_perms |= Q(content_type__app_label=app_label, codename__in=codenames)
    other_perms = Permission.objects.filter(other_perms) if other_perms else Permission.objects.none()
    group.permissions.add(*model_perms, *admin_access, *other_perms)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=site.root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    collection = collection or ensure_collection(site.site_name)
    media_perms = Permission.objects.filter(
        content_type__app_label__in=COLLECTION_PERMISSIONS,
        codename__in=[c for codenames in COLLECTION_PERMISSIONS.values() for c in codenames],
    )
    for permission in media_perms:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return group
