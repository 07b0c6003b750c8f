"""Network editors may edit the translations of their network.

Each network's editor group has page permissions on its German start page. A translated tree
(made with wagtail-localize) has its own copy of the start page at the top of the tree, next to
the German one, so the group's permissions would not reach it. When such a translated start page
is created, it gets the same group permissions as the German start page.
"""

from wagtail.models import GroupPagePermission, Page, Site


def copy_root_permissions(translation):
    """Give ``translation`` (a translated site start page) the group permissions of its source."""
    roots = Site.objects.filter(root_page__translation_key=translation.translation_key).values_list(
        "root_page_id", flat=True
    )
    copied = 0
    for permission in GroupPagePermission.objects.filter(page_id__in=roots):
        _obj, created = GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translation, permission_id=permission.permission_id
        )
        copied += created
    return copied


def on_page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if Site.objects.filter(root_page_id=instance.pk).exists():
        return
    copy_root_permissions(instance)
