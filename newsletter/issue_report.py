"""What an editor needs to see and fix after a send: the issue's state derived from its
delivery rows (draft / live / sending with percentage / sent / failed), counts by status, the
failures with their SMTP answer, a CSV of them, and "retry failed".

The issue's state is never stored as "failed": like its progress, it follows from the rows
(the state is kept per recipient; the issue's state is derived from its deliveries).
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .csv_io import csv_cell
from .models import Delivery, NewsletterIssue, Subscriber

DONE = (Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.SUPPRESSED, Delivery.Status.CANCELLED)
OPEN = (Delivery.Status.PENDING, Delivery.Status.SENDING)


def status_counts(issue):
    """{status: number of deliveries} for every Delivery status (zeros included)."""
    counts = dict(Delivery.objects.filter(issue=issue).values_list("status").annotate(n=Count("pk")))
    return {status: counts.get(status, 0) for status in Delivery.Status.values}


@dataclass
class IssueState:
    """One word for the issue list and the banner: draft, live, sending, paused, cancelled,
    sent, sent_with_failures or failed (nothing delivered, something failed)."""

    key: str
    label: str
    percent: float | None = None
    total: int = 0
    sent: int = 0
    failed: int = 0

    def __str__(self):
        return self.label


def issue_state(issue, counts=None):
    status = issue.send_status
    if status == NewsletterIssue.SendStatus.DRAFT:
        if issue.live:
            return IssueState("live", _("ready to send"))
        return IssueState("draft", _("draft"))
    counts = counts if counts is not None else status_counts(issue)
    total = sum(counts.values())
    done = sum(counts[s] for s in DONE)
    sent, failed = counts[Delivery.Status.SENT], counts[Delivery.Status.FAILED]
    percent = round(100 * done / total) if total else 100
    numbers = {"total": total, "sent": sent, "failed": failed}
    if status in (NewsletterIssue.SendStatus.SENDING, NewsletterIssue.SendStatus.PAUSED):
        label = _("sending (%(percent)s %%)") if status == "sending" else _("paused (%(percent)s %%)")
        return IssueState(status, label % {"percent": percent}, percent=percent, **numbers)
    if status == NewsletterIssue.SendStatus.CANCELLED:
        return IssueState("cancelled", _("cancelled"), **numbers)
    if failed and not sent:
        return IssueState("failed", _("failed"), **numbers)
    if failed:
        return IssueState("sent_with_failures", _("sent, %(failed)s failed") % {"failed": failed}, **numbers)
    return IssueState("sent", _("sent"), **numbers)


def archive_issues(site):
    """Issues readers may see in the public archive and the yearly report: sent, except those
    whose send failed entirely (mails failed, none delivered: the issue was never published)."""
    delivered = Delivery.objects.filter(issue=OuterRef("pk"), status=Delivery.Status.SENT)
    failed = Delivery.objects.filter(issue=OuterRef("pk"), status=Delivery.Status.FAILED)
    return NewsletterIssue.objects.filter(site=site, send_status=NewsletterIssue.SendStatus.SENT).exclude(
        Exists(failed) & ~Exists(delivered)
    )


# ---------------------------------------------------------------- failures


def mask_address(address):
    """anna.beispiel@example.org → an***@example.org: enough to recognise, not to copy."""
    if not address:
        return _("(erased)")
    local, _at, domain = address.partition("@")
    return f"{local[:2]}***@{domain}" if domain else f"{local[:2]}***"


def smtp_code(error):
    """The SMTP code a recorded error starts with ('550 5.1.1 …' → '550'), else ''."""
    head = (error or "").split(" ", 1)[0]
    if head.isdigit() and len(head) == 3:
        return head
    tail = (error or "").partition(": ")[2].split(" ", 1)[0]  # "gave up after 6 attempts: 451 …"
    return tail if tail.isdigit() and len(tail) == 3 else ""


def failures(issue, code="", query=""):
    """The issue's failed deliveries, optionally only one SMTP code or an address search."""
    rows = Delivery.objects.filter(issue=issue, status=Delivery.Status.FAILED).order_by("pk")
    if code:
        rows = rows.filter(Q(last_error__startswith=f"{code} ") | Q(last_error__contains=f": {code} "))
    if query:
        rows = rows.filter(address__icontains=query.strip())
    return rows


def failure_rows(deliveries):
    for delivery in deliveries:
        code = smtp_code(delivery.last_error)
        text = delivery.last_error
        if code and text.startswith(code):
            text = text[len(code) :].strip()
        yield {
            "pk": delivery.pk,
            "address": mask_address(delivery.address),
            "code": code,
            "text": text,
            "attempts": delivery.attempts,
        }


def failure_codes(issue):
    """[(code, count)] most frequent first, for the filter and the banner."""
    counter = Counter(smtp_code(e) for e in failures(issue).values_list("last_error", flat=True))
    return counter.most_common()


def most_common_error(issue):
    row = (
        failures(issue)
        .values("last_error")
        .annotate(n=Count("pk"))
        .order_by("-n", "last_error")
        .values_list("last_error", "n")
        .first()
    )
    return row or ("", 0)


def failures_csv(issue, code="", query=""):
    """The failure table as CSV (addresses masked; cells that a spreadsheet would run as a
    formula are neutralised)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Address"), _("SMTP code"), _("Answer of the mail server"), _("Attempts")])
    for row in failure_rows(failures(issue, code, query).iterator()):
        writer.writerow([csv_cell(row["address"]), row["code"], csv_cell(row["text"]), row["attempts"]])
    return out.getvalue()


def retryable(issue):
    """Failed deliveries whose subscriber is still active (a hard bounce suppressed the others)."""
    return failures(issue).filter(subscriber__status=Subscriber.Status.ACTIVE)


def retry_failed(issue_id):
    """Put the retryable failures back in the queue and the issue back to sending. Returns
    the number of deliveries queued again."""
    from . import sending

    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.send_status != NewsletterIssue.SendStatus.SENT:
            return 0
        count = retryable(issue).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=None, lease_until=None, last_error=""
        )
        if count:
            NewsletterIssue.objects.filter(pk=issue_id).update(
                send_status=NewsletterIssue.SendStatus.SENDING, send_finished_at=None
            )
            transaction.on_commit(lambda: sending.enqueue_batches(issue_id))
    return count


def next_retry_at(issue):
    """When the earliest waiting retry falls due (None when something can go out now)."""
    now = timezone.now()
    open_rows = Delivery.objects.filter(issue=issue, status__in=OPEN)
    if open_rows.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)).exists():
        return None
    return open_rows.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()


# ---------------------------------------------------------------- live progress


def progress(issue):
    """Counts, rate and time left, all derived from the delivery rows."""
    counts = dict(Delivery.objects.filter(issue=issue).values_list("status").annotate(n=Count("pk")))
    total = sum(counts.values())
    sent = counts.get("sent", 0)
    done = sum(counts.get(s, 0) for s in ("sent", "failed", "suppressed", "cancelled"))
    now = timezone.now()
    window = 30
    recent = Delivery.objects.filter(issue=issue, status="sent", sent_at__gte=now - timedelta(seconds=window)).count()
    rate = recent / window
    remaining = total - done
    unsubscribes = 0
    if issue.send_started_at:
        unsubscribes = Subscriber.objects.filter(
            site_id=issue.site_id, unsubscribed_at__gte=issue.send_started_at
        ).count()
    return {
        "issue": issue.pk,
        "status": issue.send_status,
        "total": total,
        "sent": sent,
        "done": done,
        "failed": counts.get("failed", 0),
        "suppressed": counts.get("suppressed", 0),
        "cancelled": counts.get("cancelled", 0),
        "pending": counts.get("pending", 0) + counts.get("sending", 0),
        "percent": round(100 * done / total, 1) if total else 100.0,
        "rate_per_second": round(rate, 1),
        "seconds_left": round(remaining / rate) if rate and remaining else (0 if not remaining else None),
        "unsubscribes_since": unsubscribes,
        "started_at": issue.send_started_at.isoformat() if issue.send_started_at else None,
        "finished_at": issue.send_finished_at.isoformat() if issue.send_finished_at else None,
    }
