"""The headless API: Wagtail 8's API v3 (django-ninja, OpenAPI at /api/v3/openapi.json)
with our additions mounted on the same instance, so one schema documents everything."""

from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import problem_response

from home.api import directory_router, listing_router, preview_router
from newsletter.api import newsletter_router
from search.api import search_router
from signlanguage.api import sign_language_router
from translations.api import translations_router

api.title = "Miteinander API"
api.description = (
    "Content of local integration networks: pages (round tables, meetings, action fields, "
    "news, events, projects, processes), images, documents, and the networks' contacts, "
    "organisations and funders. Anonymous reads see live, public content of the requested "
    "site; writes need an `Authorization: Bearer` token."
)


@api.exception_handler(NinjaValidationError)
@api.exception_handler(PydanticValidationError)
def bad_request(request, exc):
    """Bad filters and bodies are the client's mistake: 400 with a problem+json body."""
    if isinstance(exc, NinjaValidationError):
        errors = exc.errors
    else:
        errors = [{k: v for k, v in e.items() if k not in {"input", "ctx", "url"}} for e in exc.errors()]
    detail = "; ".join(
        f"{'.'.join(str(part) for part in e.get('loc', []))}: {e.get('msg', '')}".strip(": ") for e in errors
    )
    return problem_response(status=400, title="Bad Request", detail=detail or "Invalid request", errors=errors)


api.add_router("/directory/", directory_router)
api.add_router("/listings/", listing_router)
api.add_router("/preview/", preview_router)
api.add_router("/search/", search_router)

api.add_router("/newsletter/", newsletter_router)
api.add_router("/sign-language/", sign_language_router)
api.add_router("/translations/", translations_router)

__all__ = ["api"]
