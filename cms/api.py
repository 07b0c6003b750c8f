"""The headless API: Wagtail 8's API v3 (django-ninja, OpenAPI at /api/v3/openapi.json)
with our additions mounted on the same instance, so one schema documents everything."""

import json
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from ninja import Swagger
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import problem_response

from cms import api_guards, openapi
from cms.input_guard import BadBody, UnstorableTextParser
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


_wagtail_validation_handler = api._exception_handlers[DjangoValidationError]


@api.exception_handler(DjangoValidationError)
def invalid_content(request, exc):
    """A form's validation error (e.g. a slug in use) is a bad body too: 400, like the README says."""
    errors = json.loads(_wagtail_validation_handler(request, exc).content).get("errors")
    return problem_response(status=400, detail="Validation failed", errors=errors)


@api.exception_handler(HttpError)
def http_error(request, exc):
    """Ninja's 400 for a body it could not parse names what was wrong with it."""
    detail = str(exc.__cause__) if isinstance(exc.__cause__, BadBody) else str(exc)
    return problem_response(status=exc.status_code, detail=detail)


@api.exception_handler(DataError)
def value_out_of_range(request, exc):
    """The database refused a value (a number beyond its range, e.g. ``offset=99999999999999999999``)."""
    return problem_response(status=400, detail="A value in the request is out of range or cannot be stored.")


# Django's message when a lookup gets a value its field cannot take (an id of "abc").
_LOOKUP_COERCION = re.compile(r"^Field '[^']*' expected a \w+ but got ")


@api.exception_handler(ValueError)
@api.exception_handler(TypeError)
def impossible_lookup(request, exc):
    """An id that cannot be an id (``/snippets/home.Funder/abc/``) names nothing: 404.
    Any other ValueError/TypeError is our bug and stays a 500."""
    if _LOOKUP_COERCION.match(str(exc)):
        return problem_response(status=404, detail="Not found: the id is not valid for this kind of object.")
    raise exc


# The docs page loads Swagger UI from django-ninja's own static files ("ninja" is an installed
# app; without it Ninja would load it from a CDN), and asks no online validator for a badge.
api.docs = Swagger(settings={"validatorUrl": None, "persistAuthorization": False})
api.parser = UnstorableTextParser()
api_guards.install()
openapi.install(api)


api.add_router("/directory/", directory_router)
api.add_router("/listings/", listing_router)
api.add_router("/preview/", preview_router)
api.add_router("/search/", search_router)

api.add_router("/newsletter/", newsletter_router)
api.add_router("/sign-language/", sign_language_router)
api.add_router("/translations/", translations_router)

__all__ = ["api"]
