"""Editor groups per network: each network's editors may edit and publish its own page tree
and its own snippets, and nothing of the other networks on the same installation."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from participation.permissions import grant_editor_permissions as grant_form_and_report_permissions

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
SNIPPET_MODELS = ("contact", "organisation", "funder")
# Media permissions a group gets on its own network's collection (and nowhere else).
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailmedia": ("add_media", "change_media"),  # sign language videos
}
# Model permissions of other apps' site-scoped models (their policies narrow them to the site).
OTHER_APP_PERMISSIONS = {
    "newsletter": tuple(
        f"{action}_{model}"
        for model in ("newsletterissue", "subscriber")
        for action in ("add", "change", "delete", "view", "publish")
    ),
    "signlanguage": (
        "add_signlanguagevideo",
        "change_signlanguagevideo",
        "delete_signlanguagevideo",
        "view_signlanguagevideo",
        "add_bitvexplanation",
        "change_bitvexplanation",
        "view_bitvexplanation",
        "view_accessibilityfeedback",
        "delete_accessibilityfeedback",
    ),
    "wagtail_localize": ("submit_translation",),  # "Translate" action of wagtail-localize
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
    other_perms = Permission.objects.filter(
        content_type__app_label__in=OTHER_APP_PERMISSIONS,
        codename__in=[c for codenames in OTHER_APP_PERMISSIONS.values() for c in codenames],
    )
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
    grant_form_and_report_permissions(group)
    return group
