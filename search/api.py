"""``/api/v3/search/``: the network's German full-text search for headless front ends, the
same search as the public ``/suche/`` page (results grouped by type, filters by type and
action field), plus ``/api/v3/search/autocomplete/`` for suggestions while typing. ``locale``
searches one language's pages, as ``/ar/suche/`` does."""

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous

from home.api import requested_site
from home.models.tagging import ActionFieldTagged
from translations.pages import language_root

from .query import (
    GROUP_KEYS,
    MAX_QUERY_LENGTH,
    autocomplete_site,
    group_key_for,
    prefetch_action_fields,
    search_site,
    site_action_fields,
    teaser_of,
)

search_router = Router(tags=["search"], auth=[AllowAnonymous()])

GroupKey = Literal[tuple(GROUP_KEYS)]  # type: ignore[valid-type]
ContentLanguage = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]  # type: ignore[valid-type]
LOCALE_QUERY = Query(
    "de",
    description="Search the network's pages in this language (its translations); German, the default, "
    "where the network has no translation into it",
)


class ActionFieldRef(Schema):
    id: int
    title: str
    slug: str


class SearchHit(Schema):
    id: int
    title: str
    type: str = Field(description="The page's model, e.g. home.NewsPage")
    url: str | None = Field(description="Public address of the page")
    teaser: str
    action_fields: list[ActionFieldRef]


class SearchGroupOut(Schema):
    key: GroupKey
    label: str
    count: int = Field(description="All hits of this group (results holds at most `per_group`)")
    results: list[SearchHit]


class SearchResponse(Schema):
    query: str
    total: int
    groups: list[SearchGroupOut]


class Suggestion(Schema):
    id: int
    title: str
    type: GroupKey
    url: str | None


class AutocompleteResponse(Schema):
    query: str
    results: list[Suggestion]


def _hit(page, request):
    fields = page.action_fields.all() if isinstance(page, ActionFieldTagged) else []
    return {
        "id": page.pk,
        "title": page.title,
        "type": page._meta.label,
        "url": page.get_full_url(request=request),
        "teaser": teaser_of(page),
        "action_fields": [{"id": af.pk, "title": af.title, "slug": af.slug} for af in fields],
    }


@search_router.get(
    "/",
    response=SearchResponse,
    url_name="search",
    operation_id="search",
    summary="German full-text search over a network's live pages, grouped by type",
)
def search(
    request: HttpRequest,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY_LENGTH, description="Search words (German stemming)"),
    type: list[GroupKey] = Query(None, description="Only these groups (repeatable)"),  # noqa: B008
    action_field: str | None = Query(None, description="Only pages tagged with this action field (id or slug)"),
    per_group: int = Query(20, ge=1, le=100),
    site: str | None = Query(None, description="Hostname of the network; default: the request's host"),
    locale: ContentLanguage = LOCALE_QUERY,
):
    network = requested_site(request)
    chosen = None
    if action_field:
        chosen = next(
            (af for af in site_action_fields(network) if str(af.pk) == action_field or af.slug == action_field), None
        )
        if chosen is None:
            raise HttpError(400, f"action_field: no action field '{action_field}' on this site")
    root = language_root(network, locale)
    result = search_site(network, q, types=type or [], action_field=chosen, per_group=per_group, root=root)
    prefetch_action_fields([page for group in result.groups for page in group.results])
    return {
        "query": result.query,
        "total": result.total,
        "groups": [
            {"key": g.key, "label": g.label, "count": g.count, "results": [_hit(p, request) for p in g.results]}
            for g in result.groups
        ],
    }


@search_router.get(
    "/autocomplete/",
    response=AutocompleteResponse,
    url_name="search_autocomplete",
    operation_id="search_autocomplete",
    summary="Page titles of a network that start with the typed words",
)
def autocomplete(
    request: HttpRequest,
    q: str = Query(..., max_length=MAX_QUERY_LENGTH),
    site: str | None = Query(None, description="Hostname of the network; default: the request's host"),
    locale: ContentLanguage = LOCALE_QUERY,
):
    network = requested_site(request)
    pages = autocomplete_site(network, q, root=language_root(network, locale))
    return {
        "query": q,
        "results": [
            {"id": p.pk, "title": p.title, "type": group_key_for(p), "url": p.get_full_url(request=request)}
            for p in pages
        ],
    }
