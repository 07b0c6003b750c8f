"""The accessibility statement's feedback form: store first, then mail the network's contact.

The mail goes out from a Celery worker after the commit (retried on SMTP errors).

Spam defences without third parties and without cookies for readers (see
:mod:`cms.formprotection`): a signed form token that also measures the time the form was
open (at least a few seconds), a same-origin check, a honeypot field, and a rate limit per
client address and network.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from cms.formprotection import FormRejected, check_form_token, form_token, rate_limited, same_origin

from .forms import FeedbackForm
from .models import AccessibilityFeedback, AccessibilityStatementPage
from .tasks import mail_feedback_task

logger = logging.getLogger(__name__)

PURPOSE = "a11y-feedback"


def fresh_form(page):
    return FeedbackForm(initial={"started": form_token(PURPOSE, page.pk)})


def check_submission(page, request, form):
    """Raise FormRejected when the submission looks forged or automated."""
    if not same_origin(request):
        raise FormRejected(_("The form could not be sent from here. Please use the form on our website."))
    check_form_token(
        form.data.get("started"),
        PURPOSE,
        page.pk,
        min_age=settings.ACCESSIBILITY_FEEDBACK_MIN_FILL_SECONDS,
        expired_message=_("The form has expired. Please send it again."),
        fast_message=_("That was very fast. Please check your message and send it again."),
    )
    if form.data.get("website"):
        raise FormRejected(_("The form could not be sent. Please leave the last field empty."))


def send_feedback_mail(page, feedback):
    """Mail the stored feedback to the network's contact and mark it mailed. False when the
    network has no contact address (the feedback stays visible in the admin); SMTP errors
    propagate so the Celery task retries."""
    recipient = page.feedback_recipient()
    if not recipient:
        logger.warning("No feedback contact for %s; feedback %s stored only", page, feedback.pk)
        return False
    site = page.get_site()
    name = site.site_name or site.hostname
    body = "\n".join(
        [
            _("A reader reported a barrier on %(site)s.") % {"site": name},
            "",
            _("Name") + ": " + (feedback.name or "–"),
            _("Email") + ": " + (feedback.email or "–"),
            _("Page") + ": " + (feedback.barrier_url or "–"),
            "",
            feedback.message,
        ]
    )
    send_mail(_("Accessibility feedback: %(site)s") % {"site": name}, body, None, [recipient])
    AccessibilityFeedback.objects.filter(pk=feedback.pk).update(mailed=True)
    return True


@csrf_exempt  # cookie-less forgery protection in check_submission, see cms.formprotection
def submit_feedback(request, page_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(AccessibilityStatementPage.objects.live().public(), pk=page_id)
    site = page.get_site()
    form = FeedbackForm(request.POST)
    status, error = 400, ""
    if rate_limited(f"{PURPOSE}:{site.pk if site else 0}", request, settings.ACCESSIBILITY_FEEDBACK_RATE_LIMIT):
        status, error = 429, _("You have sent several messages in a short time. Please try again in an hour.")
    else:
        try:
            check_submission(page, request, form)
        except FormRejected as rejected:
            error = str(rejected)
        else:
            if form.is_valid():
                data = form.cleaned_data
                feedback = AccessibilityFeedback.objects.create(
                    site=site,
                    page=page,
                    name=data["name"],
                    email=data["email"],
                    barrier_url=data["barrier_url"],
                    message=data["message"],
                )
                # Mail from a worker after the commit: a slow SMTP server never holds the reader.
                transaction.on_commit(lambda pk=feedback.pk: mail_feedback_task.delay(pk))
                return HttpResponseRedirect(page.get_url(request) + "?sent=1#feedback")
    if error and "started" not in form.errors:
        # keep what the reader wrote, with a new token, so sending again works
        form = FeedbackForm(data={**request.POST.dict(), "started": form_token(PURPOSE, page.pk), "website": ""})
        form.is_valid()
    context = page.get_context(request)
    context.update({"feedback_form": form, "feedback_error": error})
    return TemplateResponse(request, page.get_template(request), context, status=status)
