"""``{% load translation_tags %}``

- ``{% page_translations page as translations %}``: list of ``{"language_code", "name",
  "url" (None if not translated), "dir"}`` for the toolbar.
- ``{% interface_language %}`` / ``{% interface_direction %}``: ``lang`` and ``dir`` for ``<html>``:
  the language the frame (menu, toolbar, footer) speaks, which is the reader's language.
- ``{% lang_attrs page %}``: `` lang="…" dir="…"`` where a page's own words (its content, its
  title in the menu or the breadcrumbs) are in another language than the frame, e.g. a German page
  not yet translated, read with the Arabic frame (WCAG 3.1.2); empty otherwise.
- ``{% translation_request_form page %}``: the "Ich wünsche eine Übersetzung in …" form.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from .. import pages
from ..languages import LEICHTE_SPRACHE_INTERNAL, direction, public_language_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    return pages.page_translations(page, context.get("request"))


def _interface_language():
    return public_language_tag(get_language() or "de")


@register.simple_tag
def interface_language():
    return _interface_language()


@register.simple_tag
def interface_direction():
    return direction(_interface_language())


def _locale_codes(request):
    """``{locale id: language code}``, worked out once per request (menus list a dozen pages):
    from the network's cached locales (no query) where the fragment cache is on, else read."""
    codes = getattr(request, "_locale_codes", None)
    if codes is None:
        from wagtail.models import Locale

        from publicsite.network import locales
        from responsecache import fragments

        if fragments.enabled():
            codes = {pk: locale.language_code for pk, locale in locales(request).items()}
        else:
            codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._locale_codes = codes
    return codes


@register.simple_tag(takes_context=True)
def lang_attrs(context, page):
    if not isinstance(page, Page) or not page.__dict__.get("locale_id"):
        return ""
    interface = _interface_language()
    code = _locale_codes(context.get("request")).get(page.locale_id, interface)
    if code == "de" and get_language() == LEICHTE_SPRACHE_INTERNAL:
        code = interface  # a German page in the Leichte Sprache frame is Leichte Sprache ("de-x-ls")
    if code == interface:
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.inclusion_tag("translations/includes/request_form.html", takes_context=True)
def translation_request_form(context, page):
    from ..views import request_form_context

    return request_form_context(context.get("request"), page)
