"""The admin report "Translation requests": per network, which languages readers ask for most
and for which pages, so editors translate what is wanted first."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from home.permissions import editable_site_ids

from .languages import native_name
from .models import TranslationRequest


def request_report(site):
    """Counts for one network: by language (most asked first) and the top pages per language."""
    requests = TranslationRequest.objects.filter(site=site)
    by_language = [
        {"language_code": row["language"], "name": native_name(row["language"]), "count": row["count"]}
        for row in requests.values("language").annotate(count=Count("pk")).order_by("-count", "language")
    ]
    top_pages = [
        {
            "page_id": row["page"],
            "title": row["page__title"],
            "language_code": row["language"],
            "name": native_name(row["language"]),
            "count": row["count"],
        }
        for row in requests.values("page", "page__title", "language")
        .annotate(count=Count("pk"))
        .order_by("-count", "page__title")[:20]
    ]
    return {"site": site, "by_language": by_language, "top_pages": top_pages, "total": requests.count()}


class TranslationRequestReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/admin/report.html"
    page_title = _("Translation requests")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not editable_site_ids(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sites = Site.objects.filter(pk__in=editable_site_ids(self.request.user)).order_by("site_name", "hostname")
        context["reports"] = [request_report(site) for site in sites]
        return context
