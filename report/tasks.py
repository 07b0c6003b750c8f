"""Celery task of the yearly report: thin, it loads the id and calls report.compile."""

from celery import shared_task

from .compile import build_report
from .models import YearlyReport


@shared_task(name="report.build_yearly_report")
def build_yearly_report_task(report_id):
    report = YearlyReport.objects.filter(pk=report_id).select_related("site", "site__root_page").first()
    if report is not None:
        build_report(report)
