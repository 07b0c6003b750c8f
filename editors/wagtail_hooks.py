"""Admin wiring of the editors' tools: their own API tokens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.permissions import request_editable_site_ids

from . import views


@hooks.register("register_admin_urls")
def editors_urls():
    return [
        path("my-api-tokens/", views.token_index, name="editors_tokens"),
        path("my-api-tokens/<int:token_id>/revoke/", views.token_revoke, name="editors_token_revoke"),
    ]


class NetworkEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(request_editable_site_ids(request))


@hooks.register("register_settings_menu_item")
def tokens_menu_item():
    return NetworkEditorMenuItem(_("My API tokens"), reverse("editors_tokens"), icon_name="key", order=905)


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    from .dashboard import add_dashboard_panels

    add_dashboard_panels(request, panels)
