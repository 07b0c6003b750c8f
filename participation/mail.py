"""Mailing a submission to the network: to the form's recipient, else to the contacts on the
network's start page. The stored submission records when it was mailed or what went wrong."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.models import HomePage


def recipients_for(submission):
    page = submission.page
    if page is not None and page.recipient_email:
        return [page.recipient_email]
    home = HomePage.objects.filter(pk=submission.site.root_page_id).first()
    if home is None:
        return []
    emails = [link.contact.email for link in home.contacts.select_related("contact") if link.contact.email]
    return list(dict.fromkeys(emails))


def line(label, value):
    return f"{label}: {value}"


def submission_text(submission):
    lines = [
        _("Form: %(form)s") % {"form": submission.get_kind_display()},
        _("Received: %(when)s") % {"when": timezone.localtime(submission.created).strftime("%d.%m.%Y %H:%M")},
        "",
        line(_("Name"), submission.name),
    ]
    if submission.join_as:
        lines.append(line(_("Joins"), submission.get_join_as_display()))
    if submission.organisation:
        lines.append(line(_("Organisation"), submission.organisation))
    lines.append(line(_("E-mail"), submission.email))
    if submission.phone:
        lines.append(line(_("Phone"), submission.phone))
    fields = [af.title for af in submission.action_fields.all()]
    if fields:
        lines.append(line(_("Action fields"), ", ".join(fields)))
    if submission.message:
        lines += ["", _("Message:"), submission.message]
    lines += ["", _("The submission is also stored in the admin under Forms.")]
    return "\n".join(lines)


def mail_submission(submission):
    """Send one submission to the network; returns True if it went out."""
    if submission.mailed_at:
        return True
    recipients = recipients_for(submission)
    if not recipients:
        submission.mail_error = _("No recipient: set a form recipient or add a contact with e-mail to the start page.")
        submission.save(update_fields=["mail_error"])
        return False
    with override(settings.LANGUAGE_CODE):
        subject = f"[{submission.site.site_name}] {submission.get_kind_display()}: {submission.name}"
        message = EmailMessage(
            subject=subject,
            body=submission_text(submission),
            to=recipients,
            reply_to=[submission.email],
        )
        message.send()
    submission.mailed_at = timezone.now()
    submission.mail_error = ""
    submission.save(update_fields=["mailed_at", "mail_error"])
    return True
