"""Compiling a network's yearly report (Jahresbericht) as a PDF with WeasyPrint.

``collect`` gathers what happened in one network in one calendar year (local time):
meetings held with their results and demands, projects running in the year, events, and
sent newsletter issues (if the newsletter app provides them). ``build_report`` renders it and
stores the PDF on the YearlyReport row, recording failures there instead of losing them.
"""

import datetime
import logging
import traceback

from django.core.files.base import ContentFile
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override

from home.models import EventPage, MeetingPage, ProjectPage, RoundTablePage

from .models import YearlyReport

logger = logging.getLogger(__name__)


def year_bounds(year):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def newsletter_issues(site, year):
    """Sent newsletter issues of the year, or None while the newsletter app has none.

    The one place that knows about the newsletter app: it is built on another branch and may
    not be installed yet.
    """
    try:
        from newsletter.models import NewsletterIssue
    except ImportError:
        return None
    fields = {f.name for f in NewsletterIssue._meta.get_fields()}
    start, end = year_bounds(year)
    try:  # sent and actually delivered: an issue whose send failed entirely was never published
        from newsletter.issue_report import archive_issues

        issues = archive_issues(site)
    except ImportError:
        issues = NewsletterIssue.objects.filter(site=site)
        if "send_status" in fields:
            issues = issues.filter(send_status="sent")
    date_field = next(
        (f for f in ("send_finished_at", "sent_at", "send_started_at", "created_at") if f in fields), None
    )
    if date_field:
        issues = issues.filter(**{f"{date_field}__gte": start, f"{date_field}__lt": end}).order_by(date_field)
    return [
        {
            "subject": getattr(issue, "subject", str(issue)),
            "date": getattr(issue, date_field, None) if date_field else None,
        }
        for issue in issues
    ]


def meeting_summary(meeting):
    results = [
        {"kind": block.value.get("kind"), "text": block.value.get("text"), "addressee": block.value.get("addressee")}
        for block in meeting.results
        if block.block_type == "result"
    ]
    return {
        "page": meeting,
        "round_table": meeting.get_parent().title,
        "results": [r for r in results if r["kind"] != "demand"],
        "demands": [r for r in results if r["kind"] == "demand"],
        "minutes": strip_tags(meeting.minutes or "").strip(),
    }


def collect(site, year, now=None):
    now = now or timezone.now()
    start, end = year_bounds(year)
    root = site.root_page
    meetings = (
        MeetingPage.objects.live()
        .descendant_of(root)
        .filter(start__gte=start, start__lt=min(end, now))
        .order_by("start")
    )
    first_day, last_day = start.date(), (end - datetime.timedelta(days=1)).date()
    projects = (
        ProjectPage.objects.live()
        .descendant_of(root)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=last_day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first_day))
        .exclude(start_date__isnull=True, end_date__isnull=True, first_published_at__gte=end)
        .order_by("start_date", "title")
    )
    events = (
        EventPage.objects.live()
        .descendant_of(root)
        .filter(
            Q(start__gte=start, start__lt=end)
            | (~Q(recurrence="") & Q(start__lt=end) & Q(recurrence_until__gte=first_day))
        )
        .order_by("start")
    )
    return {
        "site": site,
        "year": year,
        "round_tables": RoundTablePage.objects.live().descendant_of(root).order_by("title"),
        "meetings": [meeting_summary(m) for m in meetings],
        "projects": list(projects),
        "events": list(events),
        "newsletter_issues": newsletter_issues(site, year),
        "created": now,
    }


def render_pdf(context):
    from weasyprint import HTML

    with override("de"):
        html = render_to_string("report/yearly_report.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def build_report(report):
    """Build one report; the row says 'done' with a file, or 'failed' with the error."""
    report.status = YearlyReport.Status.BUILDING
    report.error = ""
    report.save(update_fields=["status", "error"])
    try:
        pdf = render_pdf(collect(report.site, report.year))
    except Exception as exc:  # the editor sees the error on the report instead of a stuck "building"
        logger.exception("Yearly report %s failed", report.pk)
        report.status = YearlyReport.Status.FAILED
        report.error = "".join(traceback.format_exception_only(exc)).strip()
        report.finished = timezone.now()
        report.save(update_fields=["status", "error", "finished"])
        return report
    report.file.save(report.download_name, ContentFile(pdf), save=False)
    report.status = YearlyReport.Status.DONE
    report.finished = timezone.now()
    report.save(update_fields=["file", "status", "finished"])
    return report
