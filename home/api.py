"""API v3 additions a headless front end needs and Wagtail's v3 does not ship:

- ``/api/v3/directory/{contacts,organisations,funders}/``: public, read-only listings of a
  network's snippets (Wagtail's snippet endpoints need a token, but a city portal shows
  contacts and funders to everyone). The network is chosen like for pages: ``?site=`` with a
  hostname, or the request's host.
- ``/api/v3/preview/?token=…``: the latest draft of a page for a signed, expiring preview
  token that an editor creates in the admin (no API token needed by the front end).
"""

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.registry import registry
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, Revision

from .models import Contact, Funder, Organisation

PREVIEW_SALT = "miteinander.headless-preview"

directory_router = Router(tags=["directory"], auth=[AllowAnonymous()])
preview_router = Router(tags=["preview"], auth=[AllowAnonymous()])


def requested_site(request: HttpRequest):
    try:
        site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    except ValueError as exc:
        raise HttpError(400, str(exc)) from exc
    if site is None:
        raise Http404("No network (site) matches this request.")
    return site


def _add_directory_endpoints(path, model):
    schema = registry.get(model._meta.label).read_schema
    name = model._meta.model_name

    @directory_router.get(
        f"/{path}/",
        response=list[schema],
        url_name=f"directory_{name}_list",
        operation_id=f"directory_{name}_list",
        summary=f"List {model._meta.verbose_name_plural} of a network",
    )
    @paginate(WagtailLimitOffsetPagination)
    def listing(request: HttpRequest, search: str | None = Query(None)):  # noqa: B008
        queryset = model.objects.filter(site=requested_site(request)).order_by("name", "pk")
        if search:
            queryset = queryset.filter(name__icontains=search)
        return queryset

    @directory_router.get(
        f"/{path}/{{item_id}}/",
        response=schema,
        url_name=f"directory_{name}_detail",
        operation_id=f"directory_{name}_detail",
        summary=f"One {model._meta.verbose_name} of a network",
    )
    def detail(request: HttpRequest, item_id: int):
        return get_object_or_404(model, pk=item_id, site=requested_site(request))


_add_directory_endpoints("contacts", Contact)
_add_directory_endpoints("organisations", Organisation)
_add_directory_endpoints("funders", Funder)


def make_preview_token(revision):
    """A signed token naming one revision; valid for HEADLESS_PREVIEW_MAX_AGE seconds."""
    return signing.dumps(
        {"page": revision.object_id, "revision": revision.pk}, salt=PREVIEW_SALT, compress=True
    )


def revision_for_preview_token(token):
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise HttpError(400, "The preview token has expired; open the preview again.") from exc
    except signing.BadSignature as exc:
        raise HttpError(400, "The preview token is not valid.") from exc
    return get_object_or_404(
        Revision.page_revisions, pk=data["revision"], object_id=str(data["page"])
    )


def _page_detail_schema():
    from wagtail.api.v3.routers.pages import PageDetailSchema

    return PageDetailSchema


@preview_router.get(
    "/",
    response=_page_detail_schema(),
    url_name="preview_page",
    operation_id="preview_page",
    summary="Draft preview of a page for a signed preview token",
)
def preview_page(request: HttpRequest, token: str):
    revision = revision_for_preview_token(token)
    page = revision.as_object()
    if not isinstance(page, Page):
        raise Http404
    return page
