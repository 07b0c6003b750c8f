"""``GET /api/v3/translations/pages/{id}/``: the translations of a page (locale, name, URL or
null, direction), so a headless front end can offer a language switch and the request form."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
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
        Page.objects.filter(translation_key=page.translation_key).live().public().values_list("locale__language_code", "pk")
    )
    entries = page_translations(page, request, include_own=True, full_url=True)

    return {
        "id": page.pk,
        "language_code": page.locale.language_code,
        "dir": direction(page.locale.language_code),
        "translations": [{**entry, "page_id": ids.get(entry["language_code"])} for entry in entries],
    }
