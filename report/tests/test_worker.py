"""A real Celery worker builds the yearly report once (Redis broker where it runs)."""

import datetime

from django.utils import timezone

from report.models import YearlyReport
from report.tasks import build_yearly_report_task
from report.tests.test_report import add_meeting, pdf_text


def test_worker_builds_the_report(celery_worker, make_network):
    net = make_network("omega")
    add_meeting(net, "Auftakt", timezone.make_aware(datetime.datetime(2025, 2, 3, 17)), "Wir gründen drei AGs.")
    report = YearlyReport.objects.create(site=net.site, year=2025)

    build_yearly_report_task.delay(report.pk).get(timeout=60)

    report.refresh_from_db()
    assert report.status == YearlyReport.Status.DONE, report.error
    assert "Wir gründen drei AGs." in pdf_text(report)
