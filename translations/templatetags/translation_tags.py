"""``{% load translation_tags %}``

- ``{% page_translations page as translations %}``: list of ``{"language_code", "name",
  "url" (None if not translated), "dir"}`` for the toolbar.
- ``{% page_language page %}`` / ``{% page_direction page %}``: ``lang`` and ``dir`` for
  ``<html>``, from the page's locale (the active language when there is no page).
- ``{% translation_request_form page %}``: the "Ich wünsche eine Übersetzung in …" form.
"""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from .. import pages
from ..languages import LEICHTE_SPRACHE_INTERNAL, direction, public_language_tag

register = template.Library()


def _language(page):
    """The page's language as a BCP 47 tag; a Leichte Sprache page (German, served with the
    Leichte Sprache frame) is "de-x-ls"."""
    active = get_language() or "de"
    if isinstance(page, Page) and page.locale_id:
        from publicsite.network import give_locale

        code = give_locale(page).locale.language_code
        return public_language_tag(active) if code == "de" and active == LEICHTE_SPRACHE_INTERNAL else code
    return public_language_tag(active)


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    return pages.page_translations(page, context.get("request"))


@register.simple_tag
def page_language(page=None):
    return _language(page)


@register.simple_tag
def page_direction(page=None):
    return direction(_language(page))


@register.inclusion_tag("translations/includes/request_form.html", takes_context=True)
def translation_request_form(context, page):
    from ..views import request_form_context

    return request_form_context(context.get("request"), page)
