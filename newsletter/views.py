"""Public newsletter pages: sign-up, confirmation, preferences, unsubscribe (page and
RFC 8058 one-click) and the archive of sent issues. State changes only on POST, so mail
filters that follow links change nothing."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from cms.clients import client_address
from translations.pages import language_root

from . import subscriptions
from .forms import PreferencesForm, SubscribeForm
from .issue_report import archive_issues
from .models import NewsletterSettings

SAME_ANSWER = _(
    "Thank you! If this address is not subscribed yet, we have sent it an email with a link. "
    "Please follow the link to confirm your subscription."
)


def current_site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No network for this address.")
    return site


def _render(request, template, context, status=200):
    site = context.setdefault("site", current_site(request))
    context.setdefault("page", language_root(site).specific)  # the frame of /ar/newsletter/ is Arabic
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def subscribe_view(request):
    site = current_site(request)
    site_settings = NewsletterSettings.for_site(site)
    form = SubscribeForm(request.POST or None, site=site)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # honeypot filled: a bot; answer as if all went well
            return _render(request, "newsletter/message.html", {"heading": _("Almost done"), "message": SAME_ANSWER})
        try:
            subscriptions.subscribe(
                site,
                data["email"],
                name=data["name"],
                language=data["language"],
                edition=data["edition"],
                topics=list(data["topics"]),
                source="form",
                client_ip=client_address(request),
            )
        except ValidationError:
            form.add_error("email", _("Please enter a valid email address."))
        except subscriptions.RateLimited as exc:
            return _render(
                request, "newsletter/message.html", {"heading": _("Please wait"), "message": str(exc)}, status=429
            )
        else:
            return _render(request, "newsletter/message.html", {"heading": _("Almost done"), "message": SAME_ANSWER})
    return _render(
        request,
        "newsletter/subscribe.html",
        {"form": form, "consent_text": site_settings.consent_text},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def confirm_view(request, token):
    """GET shows a button (link scanners only GET); POST confirms."""
    site = current_site(request)
    if request.method == "GET":
        return _render(request, "newsletter/confirm.html", {"token": token})
    try:
        subscriptions.confirm(token, site=site)
    except subscriptions.InvalidLink as exc:
        return _render(
            request, "newsletter/message.html", {"heading": _("Link not valid"), "message": str(exc)}, status=400
        )
    return _render(
        request,
        "newsletter/message.html",
        {
            "heading": _("Subscription confirmed"),
            "message": _(
                "Thank you! You will receive our newsletter from now on. Every newsletter has a link to unsubscribe."
            ),
        },
    )


def _manage_subscriber(request, token):
    try:
        return subscriptions.subscriber_for_manage_token(token, site=current_site(request))
    except subscriptions.InvalidLink:
        return None


def _invalid(request):
    return _render(
        request,
        "newsletter/message.html",
        {"heading": _("Link not valid"), "message": _("This link is not valid.")},
        status=400,
    )


@require_http_methods(["GET", "POST"])
def preferences_view(request, token):
    subscriber = _manage_subscriber(request, token)
    if subscriber is None:
        return _invalid(request)
    initial = {
        "name": subscriber.name,
        "edition": subscriber.edition,
        "language": subscriber.language,
        "topics": list(subscriber.topics.all()),
    }
    form = PreferencesForm(request.POST or None, initial=initial, site=subscriber.site)
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscriber.name, subscriber.edition, subscriber.language = data["name"], data["edition"], data["language"]
        subscriber.save()
        subscriber.topics.set(data["topics"])
        saved = True
    return _render(
        request, "newsletter/preferences.html", {"form": form, "saved": saved, "token": token, "subscriber": subscriber}
    )


@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    subscriber = _manage_subscriber(request, token)
    if subscriber is None:
        return _invalid(request)
    if request.method == "GET":
        return _render(request, "newsletter/unsubscribe.html", {"token": token, "subscriber": subscriber})
    subscriptions.unsubscribe(subscriber)
    return _render(
        request,
        "newsletter/message.html",
        {
            "heading": _("You have unsubscribed"),
            "message": _("You will not receive our newsletter any more."),
        },
    )


@csrf_exempt
@require_POST
def one_click_unsubscribe(request, token):
    """RFC 8058: the mail program POSTs ``List-Unsubscribe=One-Click``; no login, no page."""
    subscriber = _manage_subscriber(request, token)
    if subscriber is None:
        return HttpResponse("invalid link", status=400, content_type="text/plain")
    subscriptions.unsubscribe(subscriber)
    return HttpResponse("unsubscribed", content_type="text/plain")


def german_words():
    """``lang``/``dir`` for the archive's issues, which are German, when the frame is not
    (/ar/newsletter/archiv/): a screen reader reads them with German pronunciation (WCAG 3.1.2)."""
    if get_language() in (None, "de"):
        return ""
    return mark_safe(' lang="de" dir="ltr"')


def archive_index(request):
    site = current_site(request)
    issues = archive_issues(site).order_by("-send_started_at")
    return _render(request, "newsletter/archive_index.html", {"issues": issues, "german_words": german_words()})


def archive_detail(request, issue_id):
    site = current_site(request)
    issue = get_object_or_404(archive_issues(site), pk=issue_id)
    from .rendering import RenderError, _parts, parts_without_pages

    try:
        parts = _parts(issue, "standard", set()) or []
    except RenderError:
        # a page of the issue was unpublished since: show the issue without its page lists
        parts = parts_without_pages(issue)
    return _render(
        request, "newsletter/archive_detail.html", {"issue": issue, "parts": parts, "german_words": german_words()}
    )
