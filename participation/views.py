"""Serving a form page: show, check, store, hand the mail to Celery, say thank you.

CSRF: Django's CSRF protection stays on for the form. The ``csrftoken`` cookie is first-party,
strictly necessary for sending (TTDSG §25(2)), and set only by the form pages because only
they render ``{% csrf_token %}``; every other public page stays cookie-free. The signed
timestamp (spam.py) is not a CSRF defence: anyone can fetch one.
"""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from home.models import ActionFieldPage
from home.visibility import public
from publicsite.network import site_of

from . import spam
from .forms import HONEYPOT_FIELD, ParticipationForm
from .models import FormKind, FormSubmission

THANKS_PARAMETER = "gesendet"


def action_fields_of(site):
    """The network's live, public action fields (the form's choices), in one query."""
    return public(ActionFieldPage.objects.live().descendant_of(site.root_page, inclusive=True)).order_by("title")


def store_submission(page, site, form):
    data = form.cleaned_data
    submission = FormSubmission.objects.create(
        site=site,
        page=page,
        kind=page.kind,
        join_as=data.get("join_as", ""),
        name=data["name"],
        organisation=data.get("organisation", ""),
        email=data["email"],
        phone=data.get("phone", ""),
        message=data.get("message", ""),
        consent_text=page.privacy_text,
    )
    if data.get("action_fields"):
        submission.action_fields.set(data["action_fields"])
    return submission


def serve_form_page(page, request):
    from .tasks import mail_submission_task

    site = site_of(page, request)
    form_kwargs = {"kind": page.kind, "action_fields": action_fields_of(site)}
    status = 200
    if request.method == "POST":
        form = ParticipationForm(request.POST, **form_kwargs)
        if spam.is_rate_limited(request, site):
            form.is_valid()  # keep the entries and show field errors alongside
            form.add_error(
                None,
                _(
                    "You have sent several forms within a short time. To keep out automatic spam, "
                    "please wait an hour and send it again; your entries are kept."
                ),
            )
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                submission = store_submission(page, site, form)
                transaction.on_commit(lambda: mail_submission_task.delay(submission.pk))
            spam.count_submission(request, site)
            return HttpResponseRedirect(f"{page.get_url(request=request)}?{THANKS_PARAMETER}=1")
        else:
            status = 400
            if form.has_error("__all__", "honeypot"):
                data = form.data.copy()
                data[HONEYPOT_FIELD] = ""
                form.data = data
    else:
        form = ParticipationForm(**form_kwargs)
    return render_form(page, request, form, status)


def render_form(page, request, form, status=200):
    context = page.get_context(request)
    context.update(
        form=form,
        sent=request.method == "GET" and THANKS_PARAMETER in request.GET,
        is_join=page.kind == FormKind.JOIN,
    )
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    add_never_cache_headers(response)  # the form carries a per-visit timestamp and CSRF token
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: on a form page, show the form again with the entries and say what
    happened (usually a browser that blocks the form's cookie) instead of a bare 403 page that
    loses what the reader typed. Everything else gets Django's standard answer."""
    from django.views.csrf import csrf_failure as django_csrf_failure
    from wagtail.models import Page

    from .models import ParticipationFormPage

    page = Page.find_for_request(request, request.path) if request.method == "POST" else None
    page = page.specific if page is not None else None
    if not isinstance(page, ParticipationFormPage) or not page.live:
        return django_csrf_failure(request, reason)
    site = page.get_site()
    form = ParticipationForm(request.POST, kind=page.kind, action_fields=action_fields_of(site))
    form.is_valid()
    form.add_error(
        None,
        _(
            "The form could not be sent because your browser did not send back its security cookie "
            "(cookies blocked for this site?). Please allow cookies for this site and send it again; "
            "your entries are kept."
        ),
    )
    return render_form(page, request, form, status=403)
