"""Admin pages beyond the snippet views: send (validation, test send, confirmation, start,
pause, resume, cancel, progress bar), the issue's report (failures, CSV, retry), CSV
import/export, DSGVO export and erasure."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.models import Locale, Site

from home.permissions import editable_site_ids

from . import csv_io, issue_report, sending
from .models import NewsletterIssue, NewsletterSettings, Subscriber
from .permissions import issue_policy, subscriber_policy
from .rendering import RenderError, personalise_preview, render_issue, validate_issue


def _issue_for(request, issue_id, action="change"):
    issue = get_object_or_404(NewsletterIssue.objects.select_related("site"), pk=issue_id)
    if not issue_policy().user_has_permission_for_instance(request.user, action, issue):
        raise PermissionDenied
    return issue


def _own_issue(request, issue_id, action="view"):
    """The issue if it belongs to one of the editor's networks; 404 otherwise (another
    network's issue does not exist for this editor)."""
    issue = get_object_or_404(
        NewsletterIssue.objects.select_related("site"), pk=issue_id, site_id__in=editable_site_ids(request.user)
    )
    if not issue_policy().user_has_permission_for_instance(request.user, action, issue):
        raise Http404
    return issue


def drive_sends_without_worker():
    """Under ``make run`` tasks run in-process and no beat runs: the send page's progress
    poll does beat's job (re-enqueue retries that fell due), so a 451 still ends in a finished
    send instead of an issue that stays "sending" for ever."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        sending.resume_sends()


def failure_banner(issue, state):
    """A specific sentence for an issue that ended with failures, or None."""
    if state.key not in ("failed", "sent_with_failures"):
        return None
    error, count = issue_report.most_common_error(issue)
    numbers = {"failed": state.failed, "total": state.total, "error": error, "count": count}
    if state.key == "failed":
        text = _(
            "None of the %(total)s mails was delivered. The mail server answered “%(error)s” (%(count)s times). "
            "The issue is not shown in the public archive. Check the mail server or the sender address, "
            "then retry the failed mails."
        )
    else:
        text = _(
            "%(failed)s of %(total)s mails could not be delivered. Most frequent answer of the mail server: "
            "“%(error)s” (%(count)s times)."
        )
    return text % numbers


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Send a test to"), help_text=gettext_lazy("One or more addresses, separated by commas.")
    )
    edition = forms.ChoiceField(
        label=gettext_lazy("Edition"),
        choices=[("standard", gettext_lazy("standard")), ("leichte_sprache", "Leichte Sprache")],
    )

    def clean_addresses(self):
        addresses = [a.strip() for a in self.cleaned_data["addresses"].replace(";", ",").split(",") if a.strip()]
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError as exc:
                raise ValidationError(_("'%(address)s' is not a valid email address.") % {"address": address}) from exc
        if len(addresses) > 10:
            raise ValidationError(_("At most 10 test addresses."))
        return addresses


def send_view(request, issue_id):
    issue = _issue_for(request, issue_id)
    if not issue.is_source_issue:
        source = issue.get_translation_or_none(Locale.get_default())
        messages.info(
            request,
            _(
                "Translations are not sent on their own: subscribers who chose %(language)s get this translation when the German issue is sent."
            )
            % {"language": issue.locale.get_display_name()},
        )
        if source is not None:
            return redirect("newsletter_send", source.pk)
        return redirect("wagtailsnippets_newsletter_newsletterissue:edit", issue.pk)
    render_error = None
    try:
        validate_issue(issue)
    except RenderError as exc:
        render_error = str(exc)
    test_form = TestSendForm(request.POST if request.POST.get("action") == "test" else None)
    sender_problem = NewsletterSettings.for_site(issue.site).sender_problem()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test" and test_form.is_valid():
            if render_error or sender_problem:
                messages.error(request, render_error or sender_problem)
            else:
                try:
                    sent = sending.test_send(
                        issue, test_form.cleaned_data["addresses"], edition=test_form.cleaned_data["edition"]
                    )
                except (OSError, Exception) as exc:
                    messages.error(request, _("The test mail could not be sent: %(error)s") % {"error": exc})
                else:
                    messages.success(request, _("Test mail sent to %(addresses)s.") % {"addresses": ", ".join(sent)})
                    return redirect("newsletter_send", issue.pk)
        elif action == "start" and sender_problem:
            messages.error(request, sender_problem)
        elif action == "start" and request.POST.get("confirmed") != "1" and issue.live and not render_error:
            return _confirm_send(request, issue)
        elif action == "start":
            try:
                count = sending.start_send(issue.pk)
            except sending.SendError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Sending started to %(count)s subscribers.") % {"count": count})
                return redirect("newsletter_send", issue.pk)
        elif action in ("pause", "resume", "cancel"):
            getattr(sending, action)(issue.pk)
            return redirect("newsletter_send", issue.pk)
        issue.refresh_from_db()
    elif issue.send_status == NewsletterIssue.SendStatus.SENDING:
        drive_sends_without_worker()
        issue.refresh_from_db()
    active = Subscriber.objects.filter(site=issue.site, status=Subscriber.Status.ACTIVE).count()
    state = issue_report.issue_state(issue)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "render_error": render_error,
            "sender_problem": sender_problem,
            "test_form": test_form,
            "active_subscribers": active,
            "progress": issue_report.progress(issue),
            "state": state,
            "failure_banner": failure_banner(issue, state),
            "next_retry_at": issue_report.next_retry_at(issue) if state.key == "sending" else None,
            "header_title": issue.subject,
        },
    )


def _confirm_send(request, issue):
    """The step between "Send now" and sending: names how many people will get the mail."""
    from .audience import recipient_count

    return TemplateResponse(
        request,
        "newsletter/admin/confirm_send.html",
        {"issue": issue, "recipients": recipient_count(issue), "header_title": issue.subject},
    )


REPORT_PAGE_SIZE = 100


def report_view(request, issue_id):
    """Counts by status, the failures (masked address, SMTP code and answer, attempts) with
    filters, CSV export and "retry failed"."""
    issue = _own_issue(request, issue_id)
    if request.method == "POST" and request.POST.get("action") == "retry":
        _own_issue(request, issue_id, "change")
        count = issue_report.retry_failed(issue.pk)
        if count:
            messages.success(request, _("%(count)s failed mails are being sent again.") % {"count": count})
        else:
            messages.warning(request, _("There is nothing to retry."))
        return redirect("newsletter_report", issue.pk)
    code = request.GET.get("code", "").strip()[:3]
    query = request.GET.get("q", "").replace("\x00", "").strip()[:254]
    counts = issue_report.status_counts(issue)
    state = issue_report.issue_state(issue, counts)
    rows = issue_report.failures(issue, code, query)
    return TemplateResponse(
        request,
        "newsletter/admin/report.html",
        {
            "issue": issue,
            "state": state,
            "counts": [(label, counts[value]) for value, label in issue_report.Delivery.Status.choices],
            "failure_banner": failure_banner(issue, state),
            "failures": list(issue_report.failure_rows(rows[:REPORT_PAGE_SIZE])),
            "failure_total": rows.count(),
            "codes": issue_report.failure_codes(issue),
            "code": code,
            "query": query,
            "retryable": issue_report.retryable(issue).count() if issue.send_status == "sent" else 0,
            "page_size": REPORT_PAGE_SIZE,
            "header_title": _("Report: %(subject)s") % {"subject": issue.subject},
        },
    )


def report_csv_view(request, issue_id):
    issue = _own_issue(request, issue_id)
    code = request.GET.get("code", "").strip()[:3]
    query = request.GET.get("q", "").replace("\x00", "").strip()[:254]
    response = HttpResponse(
        "\ufeff" + issue_report.failures_csv(issue, code, query), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="newsletter-{issue.pk}-failures.csv"'
    return response


@xframe_options_sameorigin
def preview_view(request, issue_id):
    """The mail's HTML with sample personal values (shown in iframes of two widths)."""
    issue = _issue_for(request, issue_id)
    edition = "leichte_sprache" if request.GET.get("edition") == "leichte_sprache" else "standard"
    try:
        rendered = render_issue(issue, edition=edition)
    except RenderError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return HttpResponse(personalise_preview(rendered.html))


def progress_view(request, issue_id):
    issue = _issue_for(request, issue_id)
    if issue.send_status == NewsletterIssue.SendStatus.SENDING:
        drive_sends_without_worker()
        issue.refresh_from_db()
    return JsonResponse(issue_report.progress(issue))


class ImportForm(forms.Form):
    site = forms.ModelChoiceField(label=gettext_lazy("Network"), queryset=Site.objects.none())
    file = forms.FileField(label=gettext_lazy("CSV file"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.filter(pk__in=editable_site_ids(user))


def _check_subscriber_perm(request, action):
    if not subscriber_policy().user_has_permission(request.user, action):
        raise PermissionDenied


def import_view(request):
    _check_subscriber_perm(request, "add")
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            text = csv_io.decode_upload(form.cleaned_data["file"].read())
            created, skipped = csv_io.import_subscribers(form.cleaned_data["site"], text)
        except csv_io.ImportError_ as exc:
            errors = exc.errors
            messages.error(request, _("Nothing was imported: please correct these lines and upload the file again."))
        else:
            messages.success(
                request,
                _("%(created)s subscribers imported, %(skipped)s already subscribed.")
                % {"created": created, "skipped": skipped},
            )
            return redirect("newsletter_import")
    return TemplateResponse(
        request,
        "newsletter/admin/import.html",
        {"form": form, "errors": errors, "header_title": _("Import subscribers")},
    )


def export_view(request, site_id):
    _check_subscriber_perm(request, "view")
    if site_id not in editable_site_ids(request.user):
        raise PermissionDenied
    site = get_object_or_404(Site, pk=site_id)
    response = HttpResponse(csv_io.export_subscribers_csv(site), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{site.hostname}.csv"'
    return response


def _subscriber_for(request, subscriber_id, action):
    subscriber = get_object_or_404(Subscriber.objects.select_related("site"), pk=subscriber_id)
    if not subscriber_policy().user_has_permission_for_instance(request.user, action, subscriber):
        raise PermissionDenied
    return subscriber


def subscriber_export_view(request, subscriber_id):
    subscriber = _subscriber_for(request, subscriber_id, "view")
    response = HttpResponse(csv_io.subscriber_json(subscriber), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
    return response


def subscriber_erase_view(request, subscriber_id):
    subscriber = _subscriber_for(request, subscriber_id, "delete")
    if request.method == "POST":
        csv_io.erase_subscriber(subscriber)
        messages.success(request, _("All personal data of this subscriber has been erased."))
        return redirect("wagtailsnippets_newsletter_subscriber:list")
    return TemplateResponse(
        request, "newsletter/admin/erase.html", {"subscriber": subscriber, "header_title": _("Erase subscriber")}
    )
