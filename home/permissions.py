"""Per-network permissions for snippets.

Pages are scoped by Wagtail's page permissions on each site's root. Snippets have only
model-wide permissions in Wagtail, so a contact of one network would be editable by the
editors of every network. This policy narrows every snippet model with a ``site`` field to the
sites whose root page the user may edit; the admin and the API both ask it.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry


def editable_site_ids(user):
    """Ids of the sites whose root page the user may edit or publish."""
    if not (user and user.is_active and user.is_authenticated):
        return set()
    sites = list(Site.objects.all())
    if user.is_superuser:
        return {site.pk for site in sites}
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change", "publish"})
    # only the roots are asked for: the editable pages are every page of the user's networks
    roots = editable.filter(pk__in={site.root_page_id for site in sites}).values_list("pk", flat=True)
    editable_roots = set(roots)
    return {site.pk for site in sites if site.root_page_id in editable_roots}


def request_editable_site_ids(request):
    """:func:`editable_site_ids` of the request's user, asked once per request: the admin's menu
    asks it for several items (each asking again cost a query on every admin page)."""
    cached = getattr(request, "_editable_site_ids", None)
    if cached is None or cached[0] is not request.user:
        cached = (request.user, frozenset(editable_site_ids(request.user)))
        request._editable_site_ids = cached
    return cached[1]


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the instances of the user's own networks."""

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if user.is_active and user.is_superuser:
            return queryset
        return queryset.filter(site_id__in=editable_site_ids(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_active and user.is_superuser:
            return True
        return instance.site_id in editable_site_ids(user)


def register_site_policies():
    from .models import Contact, Funder, Organisation

    for model in (Contact, Organisation, Funder):
        policy_registry.register(model, SiteScopedPermissionPolicy(model))


class SiteOwnedForm(WagtailAdminModelForm):
    """Admin form for site-owned snippets: the network chooser offers only the editor's sites,
    page choices (a subscriber's topics, a video's page) and site-owned choices (a contact's
    organisation) only the editor's network; superusers see every one, labelled by network."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            sites = Site.objects.filter(pk__in=editable_site_ids(self.for_user))
            self.fields["site"].queryset = sites
            if sites.count() == 1 and not self.instance.pk and not self.initial.get("site"):
                # self.initial, not the field's initial: a ModelForm's initial already holds the
                # new instance's empty site, which would win over the field's.
                self.initial["site"] = sites.first().pk
        if self.for_user is not None:
            from .scoping import narrow_choices_to_own_network  # scoping imports this module

            narrow_choices_to_own_network(self, self.for_user)


def grant_translated_root(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of pages: when a network's root page gets a translation (wagtail-localize
    creates it as a new tree root for that language), the network's groups may edit it as they
    may the German root; without this an editor could ask for a translation but never open it."""
    from wagtail.models import GroupPagePermission, Page

    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    source = (
        Page.objects.filter(translation_key=instance.translation_key, sites_rooted_here__isnull=False)
        .exclude(pk=instance.pk)
        .first()
    )
    if source is None:
        return
    for grant in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=instance, permission_id=grant.permission_id
        )
