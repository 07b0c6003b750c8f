"""Which translations a page has, for the public toolbar, the API and the request form."""

from collections import defaultdict

from wagtail.models import Locale, Page

from home.visibility import public

from .languages import direction, language_codes, native_name

CACHE_ATTR = "_translations_prefetched"


def prefetch_translations(pages):
    """Load the live translations of many pages in a fixed number of queries (API listings),
    instead of several per page; :func:`page_translations` then reads them from the page."""
    pages = list(pages)
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    by_key = defaultdict(dict)
    translations = public(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages}).live()
    ).select_related("locale")
    for translation in translations:
        by_key[translation.translation_key][translation.locale.language_code] = translation
    for page in pages:
        setattr(page, CACHE_ATTR, {"own": languages.get(page.locale_id), "live": by_key[page.translation_key]})
    return pages


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


def requestable_languages(page):
    """Languages a reader may ask for: content languages without a live translation."""
    return [entry for entry in page_translations(page) if entry["url"] is None]


def ensure_locales():
    """Create a Locale for every content language (German first); safe to call repeatedly."""
    for code in language_codes():
        Locale.objects.get_or_create(language_code=code)
