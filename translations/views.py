"""The public "Ich wünsche eine Übersetzung in …" form: POST only, cookie-less forgery
protection (:mod:`cms.formprotection`), a rate limit per client; stores no personal data."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from cms.clients import client_address
from cms.formprotection import FormRejected, check_form_token, form_token, rate_limited, same_origin

from .languages import content_languages, native_name
from .models import TranslationRequest
from .pages import requestable_languages

PURPOSE = "translation-request"
TOKEN_PERIOD = 60 * 60  # one token per page and hour: identical pages stay identical
DEDUPLICATE_SECONDS = 24 * 60 * 60  # the same reader's same wish counts once a day


def request_form_context(request, page):
    if not isinstance(page, Page) or not page.pk:
        return {"page": None}
    requested = request.GET.get("translation_requested") if request else None
    if requested not in dict(content_languages()):
        requested = None
    return {
        "page": page,
        "languages": requestable_languages(page),
        "token": form_token(PURPOSE, page.pk, granularity=TOKEN_PERIOD),
        "thanks": thanks_text(requested) if requested else "",
    }


def first_request_of_client(request, page, language):
    """False when this client already asked for this page in this language today, so one
    reader pressing the button again does not count twice. The cache key is a keyed hash:
    no address is stored."""
    digest = salted_hmac("translation-request", f"{client_address(request)}:{page.pk}:{language}").hexdigest()
    return cache.add(f"translation-request:{digest}", 1, DEDUPLICATE_SECONDS)


def _message(request, page, message, status):
    return TemplateResponse(
        request,
        "translations/request_result.html",
        {"page": page, "message": message, "error_count": 1 if status >= 400 else 0},
        status=status,
    )


@csrf_exempt  # cookie-less forgery protection below, see cms.formprotection
def request_translation(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError as error:
        raise Http404 from error
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    site = page.get_site()
    if site is None:
        raise Http404
    if rate_limited(PURPOSE, request, settings.TRANSLATION_REQUEST_RATE_LIMIT):
        return _message(request, page, _("You have sent many requests. Please try again later."), 429)
    try:
        if not same_origin(request):
            raise FormRejected(_("The request could not be sent from here. Please use the form on our website."))
        check_form_token(
            request.POST.get("token"),
            PURPOSE,
            page.pk,
            max_age=settings.FORM_MAX_AGE + TOKEN_PERIOD,
            expired_message=_("The form has expired. Please reload the page and choose again."),
        )
    except FormRejected as rejected:
        return _message(request, page, str(rejected), 400)
    language = request.POST.get("language", "")
    if language not in {entry["language_code"] for entry in requestable_languages(page)}:
        return _message(request, page, _("Please choose one of the offered languages."), 400)
    if first_request_of_client(request, page, language):
        TranslationRequest.objects.create(page=page, site=site, language=language)
    target = page.get_url(request) or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return HttpResponseRedirect(f"{target}?translation_requested={language}#translation-request")


def thanks_text(language):
    return _("Thank you. We have noted that you would like this page in %(language)s.") % {
        "language": native_name(language)
    }
