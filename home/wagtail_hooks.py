"""Admin registrations: snippets through viewsets, scoped to the editor's own networks."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from .models import Contact, Funder, Organisation


class OwnNetworkOnly:
    """Refuses views of a snippet that belongs to a network the user may not edit."""

    instance_action = "change"

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, instance
        ):
            raise PermissionDenied
        return instance


class SiteScopedEditView(OwnNetworkOnly, EditView):
    pass


class SiteScopedDeleteView(OwnNetworkOnly, DeleteView):
    instance_action = "delete"


class SiteScopedHistoryView(OwnNetworkOnly, HistoryView):
    pass


class SiteScopedInspectView(OwnNetworkOnly, InspectView):
    pass


class SiteScopedUsageView(OwnNetworkOnly, UsageView):
    pass


class SiteScopedSnippetViewSet(SnippetViewSet):
    """Lists only the snippets of the editor's own networks and refuses the others."""

    edit_view_class = SiteScopedEditView
    delete_view_class = SiteScopedDeleteView
    history_view_class = SiteScopedHistoryView
    inspect_view_class = SiteScopedInspectView
    usage_view_class = SiteScopedUsageView
    list_filter = ["site"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["change", "delete", "view"])


class ContactViewSet(SiteScopedSnippetViewSet):
    model = Contact
    icon = "user"
    list_display = ["name", "role", "organisation", "phone", "email", "site"]
    search_fields = ["name", "role"]


class OrganisationViewSet(SiteScopedSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "district", "site"]
    list_filter = ["site", "kind"]
    search_fields = ["name", "description"]


class FunderViewSet(SiteScopedSnippetViewSet):
    model = Funder
    icon = "pick"
    list_display = ["name", "programme", "site"]
    search_fields = ["name", "programme"]


class NetworkSnippets(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "site"
    menu_order = 250
    items = (ContactViewSet, OrganisationViewSet, FunderViewSet)


register_snippet(NetworkSnippets)


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if page.permissions_for_user(user).can_edit() and not page.is_root():
        yield Button(
            _("Headless preview"),
            reverse("headless_preview", args=[page.pk]),
            icon_name="view",
            priority=60,
            attrs={"target": "_blank", "rel": "noopener"},
        )
