from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.permissions import request_editable_site_ids

from .admin_views import TranslationRequestReportView


@hooks.register("register_admin_urls")
def translation_report_urls():
    return [
        path(
            "reports/translation-requests/", TranslationRequestReportView.as_view(), name="translation_requests_report"
        )
    ]


class NetworkEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(request_editable_site_ids(request))


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return NetworkEditorMenuItem(
        _("Translation requests"), reverse("translation_requests_report"), icon_name="globe", order=900
    )


@hooks.register("construct_explorer_page_queryset")
def explorer_translation_buttons(parent_page, pages, request):
    from .explorer import with_translation_buttons

    return with_translation_buttons(pages)


def _replace_localize_listing_hook():
    from .explorer import replace_listing_hook

    replace_listing_hook()


_replace_localize_listing_hook()
