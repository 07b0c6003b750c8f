"""Translations in the API, for headless front ends:

- ``GET /api/v3/translations/pages/{id}/``: the translations of a page (locale, name, URL or
  null, direction), so a front end can offer a language switch and the request form.
- ``POST /api/v3/translations/requests/`` ``{"page": id, "language": "ar"}``: a reader's wish
  for a translation, counted like the form on our own pages (rate limit per client, the same
  wish once a day, no personal data). Browsers may call it only from the front ends allowed by
  ``CORS_ALLOWED_ORIGINS`` (a JSON POST needs a CORS preflight).
"""

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Page

from .languages import direction
from .pages import page_translations

translations_router = Router(tags=["translations"], auth=[AllowAnonymous()])


class TranslationOut(Schema):
    language_code: str
    name: str
    url: str | None
    dir: str
    page_id: int | None


class PageTranslationsOut(Schema):
    id: int
    language_code: str
    dir: str
    translations: list[TranslationOut]


@translations_router.get(
    "/pages/{page_id}/",
    response=PageTranslationsOut,
    url_name="page_translations",
    operation_id="page_translations",
    summary="Translations of a page: every content language with the URL of its live translation or null",
)
def page_translation_list(request: HttpRequest, page_id: int):
    page = get_object_or_404(Page.objects.live().public().select_related("locale"), pk=page_id)
    ids = dict(
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .values_list("locale__language_code", "pk")
    )
    entries = page_translations(page, request, include_own=True, full_url=True)

    return {
        "id": page.pk,
        "language_code": page.locale.language_code,
        "dir": direction(page.locale.language_code),
        "translations": [{**entry, "page_id": ids.get(entry["language_code"])} for entry in entries],
    }


class TranslationRequestIn(Schema):
    page: int
    language: str


class TranslationRequestOut(Schema):
    page: int
    language: str
    counted: bool


@translations_router.post(
    "/requests/",
    response={201: TranslationRequestOut},
    url_name="translation_request_create",
    operation_id="translation_request_create",
    summary="A reader asks for a translation of a page",
)
def create_translation_request(request: HttpRequest, payload: TranslationRequestIn):
    from cms.formprotection import rate_limited

    from .models import TranslationRequest
    from .pages import requestable_languages
    from .views import PURPOSE, first_request_of_client

    page = get_object_or_404(Page.objects.live().public(), pk=payload.page)
    site = page.get_site()
    if site is None:
        raise HttpError(404, "This page belongs to no network.")
    if rate_limited(PURPOSE, request, settings.TRANSLATION_REQUEST_RATE_LIMIT):
        raise HttpError(429, "Too many translation requests from this client; try again later.")
    offered = [entry["language_code"] for entry in requestable_languages(page)]
    if payload.language not in offered:
        raise HttpError(400, f"language: choose one of {', '.join(offered) or 'none (all translated)'}")
    counted = first_request_of_client(request, page, payload.language)
    if counted:
        TranslationRequest.objects.create(page=page, site=site, language=payload.language)
    return Status(201, {"page": page.pk, "language": payload.language, "counted": counted})
