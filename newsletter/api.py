"""API v3 additions: subscribe by JSON (double opt-in like the form) and the live progress of
a send for an editor's token."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from cms.clients import client_address
from home.api import requested_site

from . import subscriptions
from .forms import site_topics
from .models import Edition, NewsletterIssue
from .permissions import issue_policy
from .views import SAME_ANSWER

newsletter_router = Router(tags=["newsletter"])


class SubscribeIn(Schema):
    email: str
    name: str = ""
    language: str = "de"
    edition: str = Edition.STANDARD
    topics: list[int] = []
    website: str = ""  # honeypot: must stay empty


class MessageOut(Schema):
    detail: str


class ProgressOut(Schema):
    issue: int
    status: str
    total: int
    sent: int
    failed: int
    suppressed: int
    cancelled: int
    pending: int
    percent: float
    rate_per_second: float
    seconds_left: int | None
    unsubscribes_since: int
    started_at: str | None
    finished_at: str | None


@newsletter_router.post(
    "/subscribe/",
    response={202: MessageOut},
    auth=[AllowAnonymous()],
    url_name="newsletter_subscribe",
    operation_id="newsletter_subscribe",
    summary="Subscribe to a network's newsletter (double opt-in: a confirmation mail is sent)",
)
def subscribe(request: HttpRequest, payload: SubscribeIn):
    site = requested_site(request)
    if payload.website:
        return Status(202, {"detail": str(SAME_ANSWER)})
    topics = list(site_topics(site).filter(pk__in=payload.topics))
    if len(topics) != len(set(payload.topics)):
        raise HttpError(400, "topics: unknown action field ids for this network")
    try:
        subscriptions.subscribe(
            site,
            payload.email,
            name=payload.name,
            language=payload.language,
            edition=payload.edition,
            topics=topics,
            source="api",
            client_ip=client_address(request),
        )
    except ValidationError as exc:
        raise HttpError(400, "email: not a valid email address") from exc
    except subscriptions.RateLimited as exc:
        raise HttpError(429, str(exc)) from exc
    return Status(202, {"detail": str(SAME_ANSWER)})


@newsletter_router.get(
    "/issues/{issue_id}/progress/",
    response=ProgressOut,
    auth=[BearerTokenAuth()],
    url_name="newsletter_progress",
    operation_id="newsletter_progress",
    summary="Progress and report of sending an issue",
)
def progress(request: HttpRequest, issue_id: int):
    from .issue_report import progress as issue_progress

    issue = get_object_or_404(NewsletterIssue, pk=issue_id)
    if not issue_policy().user_has_permission_for_instance(request.user, "change", issue):
        raise HttpError(404, "Not found")
    return issue_progress(issue)
