"""Template filters that narrow what third-party admin templates list to the user's networks."""

from django import template
from wagtail.models import Collection

register = template.Library()


@register.filter
def own_collections(collections, user):
    """Collections the user may add, change or choose media in (superusers: all)."""
    from wagtailmedia.permissions import permission_policy

    if not collections or user.is_superuser:
        return collections
    own = permission_policy.collections_user_has_any_permission_for(user, ["add", "change", "choose"])
    own_ids = set(own.values_list("pk", flat=True))
    own_ids |= {
        pk for c in Collection.objects.filter(pk__in=own_ids) for pk in c.get_ancestors().values_list("pk", flat=True)
    }
    return [collection for collection in collections if collection.pk in own_ids]
