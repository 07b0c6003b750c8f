"""Admin wiring: URLs, the "Accessible versions" page button, the report of pages without a
Leichte Sprache version, and the checker panel in the page editor."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("accessibility/", include(urls, namespace="accessibility"))]


@hooks.register("register_page_header_buttons")
def variants_button(page, user, view_name, next_url=None):
    if not page.is_root() and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Accessible versions"),
            reverse("accessibility:variant_status", args=[page.pk]),
            icon_name="help",
            priority=70,
        )


class MissingLeichteSpracheMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_missing_report():
    return MissingLeichteSpracheMenuItem(
        _("Pages without Leichte Sprache"),
        reverse("accessibility:missing_report"),
        name="missing-leichte-sprache",
        icon_name="help",
        order=750,
    )


@hooks.register("insert_editor_js")
def leichte_sprache_editor_js():
    return format_html('<script src="{}" defer></script>', static("accessibility/leichte_sprache_editor.js"))


# The frame of a Leichte Sprache page (menu, toolbar, footer) speaks Leichte Sprache too: its
# wording lives in the pseudo-language "de-ls" (locale/de_LS), which falls back to German.
LEICHTE_SPRACHE_INTERFACE = "de-ls"


@hooks.register("before_serve_page")
def leichte_sprache_interface(page, request, serve_args, serve_kwargs):
    from django.utils import translation

    from .variants import remember_served

    _variant, standard = remember_served(page, request)
    if standard is not None:
        translation.activate(LEICHTE_SPRACHE_INTERFACE)
