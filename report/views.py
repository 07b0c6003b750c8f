"""Admin views: choose network and year → build (Celery) → watch progress → download.

Editors see and download only the reports of the networks whose pages they may edit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.permissions import editable_site_ids

from .forms import ReportRequestForm
from .models import YearlyReport


def _require(user, action):
    if not user.has_perm(f"report.{action}_yearlyreport"):
        raise PermissionDenied


def own_reports(user):
    return YearlyReport.objects.filter(site_id__in=editable_site_ids(user)).select_related("site")


def _own_report(request, pk):
    _require(request.user, "view")
    report = get_object_or_404(YearlyReport, pk=pk)
    if report.site_id not in editable_site_ids(request.user):
        raise PermissionDenied
    return report


def status_of(report):
    return {
        "id": report.pk,
        "status": report.status,
        "label": report.get_status_display(),
        "error": report.error,
        "download_url": reverse("yearly_report_download", args=[report.pk]) if report.file else None,
    }


def index(request):
    _require(request.user, "view")
    sites = Site.objects.filter(pk__in=editable_site_ids(request.user)).order_by("site_name")
    form = ReportRequestForm(request.POST or None, sites=sites)
    if request.method == "POST":
        _require(request.user, "add")
        if form.is_valid():
            from .tasks import build_yearly_report_task

            with transaction.atomic():
                report = YearlyReport.objects.create(
                    site=form.cleaned_data["site"], year=form.cleaned_data["year"], requested_by=request.user
                )
                transaction.on_commit(lambda: build_yearly_report_task.delay(report.pk))
            messages.success(
                request,
                _("The yearly report %(year)s is being built; it appears below when ready.") % {"year": report.year},
            )
            return redirect("yearly_reports")
    reports = own_reports(request.user)[:50]
    return TemplateResponse(
        request,
        "report/index.html",
        {"form": form, "reports": reports, "page_title": _("Yearly reports"), "header_icon": "doc-full"},
    )


def status(request, pk):
    return JsonResponse(status_of(_own_report(request, pk)))


def download(request, pk):
    report = _own_report(request, pk)
    if not report.file:
        raise Http404(_("This report has no PDF (yet)."))
    return FileResponse(
        report.file.open("rb"), as_attachment=True, filename=report.download_name, content_type="application/pdf"
    )
