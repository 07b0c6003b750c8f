from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("reports/", views.index, name="yearly_reports"),
        path("reports/<int:pk>/status/", views.status, name="yearly_report_status"),
        path("reports/<int:pk>/download/", views.download, name="yearly_report_download"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("report.view_yearlyreport")


@hooks.register("register_admin_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Yearly reports"), reverse("yearly_reports"), icon_name="doc-full", order=270)
