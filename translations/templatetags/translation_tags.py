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
from ..languages import direction

register = template.Library()


def _language(page):
    if isinstance(page, Page) and page.locale_id:
        from publicsite.network import give_locale

        return give_locale(page).locale.language_code
    return get_language() or "de"


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
