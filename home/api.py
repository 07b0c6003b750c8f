"""API v3 additions a headless front end needs and Wagtail's v3 does not ship:

- ``/api/v3/directory/{contacts,organisations,funders}/``: public, read-only listings of a
  network's snippets (Wagtail's snippet endpoints need a token, but a city portal shows
  contacts and funders to everyone). The network is chosen like for pages: ``?site=`` with a
  hostname, or the request's host. ``?locale=ar`` gives each entry in that language where it
  is translated and in German otherwise (one entry per contact, not one per translation).
- ``/api/v3/listings/{type}/``: pages of one type with all their API fields (v3's page listing
  gives only id, title and meta, so a news list would need 21 requests). Filters: ``site``,
  ``child_of``, ``action_field``, ``order`` (any API field of the type, ``-`` for descending).
- ``/api/v3/preview/?token=…``: the latest draft of a page for a signed, expiring preview
  token that an editor creates in the admin (no API token needed by the front end).
"""

from typing import Literal

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.registry import registry
from wagtail.api.validators import SiteFilterValidator
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, Revision, get_page_models

from .extensions import prefetch_for_listing
from .models import Contact, Funder, Organisation

PREVIEW_SALT = "miteinander.headless-preview"

directory_router = Router(tags=["directory"], auth=[AllowAnonymous()])
preview_router = Router(tags=["preview"], auth=[AllowAnonymous()])
listing_router = Router(tags=["listings"], auth=[AllowAnonymous()])


def requested_site(request: HttpRequest):
    try:
        site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    except ValueError as exc:
        raise HttpError(400, str(exc)) from exc
    if site is None:
        raise Http404("No network (site) matches this request.")
    return site


def requested_locale(request: HttpRequest, code: str | None):
    """The locale named by ``?locale=`` (German without one); 400 for a language we do not publish."""
    from wagtail.models import Locale

    if not code:
        return Locale.get_default()
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(sorted(Locale.objects.values_list("language_code", flat=True)))
        raise HttpError(400, f"Unknown locale '{code}'. Known: {known}.")
    return locale


def in_requested_language(queryset, locale):
    """One row per translation group: the one in ``locale`` where it exists, else the German one
    (else, for an entry written only in another language, that one)."""
    from wagtail.models import Locale

    default = Locale.get_default()
    rank = {locale.pk: 0, default.pk: 1}
    chosen = {}
    for pk, key, locale_id in queryset.values_list("pk", "translation_key", "locale_id"):
        best = chosen.get(key)
        if best is None or (rank.get(locale_id, 2), pk) < (rank.get(best[1], 2), best[0]):
            chosen[key] = (pk, locale_id)
    return queryset.filter(pk__in=[pk for pk, _locale in chosen.values()])


def with_api_relations(queryset, model, foreign_keys=True):
    """Load what the items' API fields show for a whole page of results at once: their inline
    child items (office hours, partners, phases …), the objects their foreign keys name, and those
    images' renditions. Without this, serialising costs queries per item."""
    from modelcluster.models import get_all_child_relations
    from wagtail.images import get_image_model

    api_names = {field.name for field in getattr(model, "api_fields", [])}
    children = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() in api_names
    ]
    queryset = queryset.prefetch_related(*children)
    if not foreign_keys:
        return queryset
    keys = [f for f in model._meta.concrete_fields if f.many_to_one and f.name in api_names]
    images = [f"{f.name}__renditions" for f in keys if f.related_model is get_image_model()]
    return queryset.select_related(*(f.name for f in keys)).prefetch_related(*images)


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
    def listing(request: HttpRequest, search: str | None = Query(None), locale: str | None = Query(None)):
        rows = in_requested_language(
            model.objects.filter(site=requested_site(request)), requested_locale(request, locale)
        )
        queryset = with_api_relations(rows, model).select_related("locale").order_by("name", "pk")
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
    def detail(request: HttpRequest, item_id: int, locale: str | None = Query(None)):
        item = get_object_or_404(model, pk=item_id, site=requested_site(request))
        if locale is None:
            return item
        group = model.objects.filter(pk__in=model.objects.filter(translation_key=item.translation_key).values("pk"))
        return in_requested_language(group, requested_locale(request, locale)).select_related("locale").first() or item


_add_directory_endpoints("contacts", Contact)
_add_directory_endpoints("organisations", Organisation)
_add_directory_endpoints("funders", Funder)


def make_preview_token(revision):
    """A signed token naming one revision; valid for HEADLESS_PREVIEW_MAX_AGE seconds."""
    return signing.dumps({"page": revision.object_id, "revision": revision.pk}, salt=PREVIEW_SALT, compress=True)


def revision_for_preview_token(token):
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise HttpError(400, "The preview token has expired; open the preview again.") from exc
    except signing.BadSignature as exc:
        raise HttpError(400, "The preview token is not valid.") from exc
    return get_object_or_404(Revision.page_revisions, pk=data["revision"], object_id=str(data["page"]))


def _page_detail_schema():
    from wagtail.api.v3.routers.pages import PageDetailSchema

    return PageDetailSchema


def _listed_page_schema():
    """The page union under a name of its own: Ninja names a paginated answer after its item
    type, and the snippet listing's union is also an ``Annotated``, so both answers would be
    documented as one ``PagedAnnotated`` schema (the snippet listing then failed its own schema)."""
    from typing import Annotated

    listed = Annotated[_page_detail_schema(), "listed page"]
    listed.__name__ = "ListedPage"
    return listed


LISTABLE_TYPES = tuple(model._meta.label for model in get_page_models() if model._meta.app_label == "home")
ListableType = Literal[LISTABLE_TYPES]  # type: ignore[valid-type]


def _orderable_fields(model):
    from wagtail.api import APIField

    concrete = {f.name for f in model._meta.concrete_fields}
    return {"title", "first_published_at", "last_published_at"} | {
        f.name for f in APIField.get_fields_for_model(model) if f.name in concrete
    }


class PageListPagination(WagtailLimitOffsetPagination):
    """Limit/offset pagination that loads the parents of a page of results in one query
    (every item's ``parent`` field would otherwise cost one query each)."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        result = super().paginate_queryset(queryset, pagination, request, **params)
        pages = list(result["items"])
        parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
        parents = {
            parent.path: parent
            for parent in Page.objects.filter(path__in=parent_paths).select_related("content_type", "locale")
        }
        for page in pages:
            if page.path[: -Page.steplen] in parents:
                page._cached_parent_obj = parents[page.path[: -Page.steplen]]
        result["items"] = prefetch_for_listing(pages)
        return result


@listing_router.get(
    "/{type}/",
    response=list[_listed_page_schema()],
    url_name="listing_pages",
    operation_id="listing_pages",
    summary="Pages of one type with all their fields",
)
@paginate(PageListPagination)
def list_pages_of_type(
    request: HttpRequest,
    type: ListableType,
    child_of: int | None = None,
    action_field: int | None = None,
    order: str | None = None,
):
    model = resolve_model_string(type)
    # The queryset is already of the specific model; fetch what every item's fields need
    # up front instead of once per item.
    queryset = get_pages_queryset(request, model).select_related("locale")
    if any(f.name == "image" for f in model._meta.concrete_fields):
        queryset = queryset.select_related("image")
    if hasattr(model, "action_fields"):
        queryset = queryset.prefetch_related("action_fields")
    queryset = with_api_relations(queryset, model, foreign_keys=False)
    if child_of is not None:
        parent = get_object_or_404(get_pages_queryset(request), pk=child_of)
        queryset = queryset.child_of(parent)
    if action_field is not None:
        if not hasattr(model, "action_fields"):
            raise HttpError(400, f"{type} pages are not tagged with action fields.")
        queryset = queryset.filter(action_fields=action_field)
    if order:
        name = order.removeprefix("-")
        if name not in _orderable_fields(model):
            allowed = ", ".join(sorted(_orderable_fields(model)))
            raise HttpError(400, f"Cannot order by '{name}'. Allowed: {allowed}.")
        queryset = queryset.order_by(order, "pk")
    return queryset


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
