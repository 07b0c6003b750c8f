"""Which translations a page has, for the public toolbar, the API and the request form; and
which start page a reader of a language browses (search and newsletter pages under /ar/ …)."""

from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.visibility import public

from .languages import direction, language_codes, native_name

CACHE_ATTR = "_translations_looked_up"  # a page's live translations, looked up once per page object


def page_translations(page, request=None, include_own=False, full_url=False):
    """One entry per content language (the page's own left out unless ``include_own``):
    ``language_code``, ``name`` (in that language), ``url`` of the live translation or None,
    ``dir``. German, the default, comes first."""
    if page is None or not isinstance(page, Page):
        return []
    cached = getattr(page, CACHE_ATTR, None)
    if cached is not None:
        own, live = cached["own"], cached["live"]
    else:
        own = page.locale.language_code if page.locale_id else None
        live = {
            translation.locale.language_code: translation
            for translation in public(Page.objects.filter(translation_key=page.translation_key).live()).select_related(
                "locale"
            )
        }
        setattr(page, CACHE_ATTR, {"own": own, "live": live})  # the toolbar and the request form both ask
    entries = []
    for code in language_codes():
        if code == own and not include_own:
            continue
        translation = live.get(code)
        entries.append(
            {
                "language_code": code,
                "name": native_name(code),
                "url": (translation.get_full_url(request) if full_url else translation.get_url(request))
                if translation
                else None,
                "dir": direction(code),
            }
        )
    return entries


def view_translations(request):
    """The search, the newsletter pages and the archive live under every language prefix
    (/ar/suche/ …), but have no page whose translations the toolbar could list: a reader who
    landed on /suche/ from a German mail had no way to switch to Arabic. One entry per other
    content language, as ``page_translations`` gives them: this view's URL in that language,
    with the query (the search term) kept."""
    if request is None or getattr(request, "resolver_match", None) is None:
        return []
    here = request.get_full_path()
    current = get_language()
    entries = []
    for code in language_codes():
        if code == current:
            continue
        url = translate_url(here, code)
        if url != here:  # translate_url answers with the same path where the view has no translation
            entries.append({"language_code": code, "name": native_name(code), "url": url, "dir": direction(code)})
    return entries


def requestable_languages(page):
    """Languages a reader may ask for: content languages without a live translation."""
    return [entry for entry in page_translations(page) if entry["url"] is None]


def language_root(site, language_code=None):
    """The start page of the site's tree in ``language_code`` (default: the active language):
    its live translation, else the German start page (a language the network has not
    translated into is read in German)."""
    root = site.root_page
    try:
        locale = Locale.objects.get(language_code=language_code) if language_code else Locale.get_active()
    except Locale.DoesNotExist:
        return root
    if locale.pk == root.locale_id:
        return root
    translation = root.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else root
