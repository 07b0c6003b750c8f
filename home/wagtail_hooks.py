"""Admin registrations: snippets through viewsets, scoped to the editor's own networks."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.spreadsheets import NeutralisedCsvExportMixin

from .models import Contact, Funder, Organisation
from .scoping import (
    OwnNetworkChoicesMixin,
    hide_installation_wide_reports,
    own_network_pages,
    refuse_move_to_foreign_network,
    scope_admin_api,
    scoped_view_class,
)


class SiteScopedSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser lists and accepts only snippets of the editor's own networks."""

    choose_view_class = type("ChooseView", (OwnNetworkChoicesMixin, ChooseView), {})
    choose_results_view_class = type("ChooseResultsView", (OwnNetworkChoicesMixin, ChooseResultsView), {})
    chosen_view_class = type("SnippetChosenView", (OwnNetworkChoicesMixin, SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "SnippetChosenMultipleView", (OwnNetworkChoicesMixin, SnippetChosenMultipleView), {}
    )


class SiteScopedSnippetViewSet(SnippetViewSet):
    """Lists only the snippets of the editor's own networks; every view of one object (edit,
    delete, history, usage, inspect, copy, revisions, unpublish, lock, workflow …) answers 404
    for another network's object, also views Wagtail adds in later versions."""

    chooser_viewset_class = SiteScopedSnippetChooserViewSet
    list_filter = ["site"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["change", "delete", "view"])

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "write_csv_row"):  # listing export: no formulas into spreadsheets
            view_class = type(view_class.__name__, (NeutralisedCsvExportMixin, view_class), {})
        return super().construct_view(scoped_view_class(view_class), **kwargs)


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


hooks.register("before_move_page", refuse_move_to_foreign_network)
hooks.register("construct_page_chooser_queryset", own_network_pages)
hooks.register("construct_admin_api", scope_admin_api, order=100)  # after Wagtail's own endpoints
hooks.register("construct_reports_menu", hide_installation_wide_reports)


@hooks.register("insert_editor_js")
def rich_text_written_before_submit():
    """Text typed into a rich text field just before saving or publishing is sent with the form
    (Draftail writes its input only 250 ms after the last keystroke); see the script."""
    return format_html('<script src="{}" defer></script>', static("home/rich_text_submit.js"))


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


@hooks.register("construct_explorer_page_queryset")
def explorer_rows_share_site_root_paths(parent_page, pages, request):
    from .admin_rendering import share_site_root_paths

    return share_site_root_paths(pages)
