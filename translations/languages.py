"""The content languages of the networks and their writing direction.

German is the default and keeps unprefixed URLs; the others are served under /en/, /tr/,
/ar/, /uk/, /ru/, /fa/ (i18n_patterns with prefix_default_language=False). Arabic and Farsi
are written right to left.
"""

from django.conf import settings
from django.utils.translation import get_language_info

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})

# Leichte Sprache has no registered language subtag. Django picks the frame's wording by the
# internal code "de-ls" (catalogue locale/de_LS, falling back to German); what readers' software
# sees (Content-Language, lang, hreflang) is the BCP 47 tag "de-x-ls": German ("de", so screen
# readers keep their German voice and validators accept it) with the private-use marker "x-ls".
LEICHTE_SPRACHE_INTERNAL = "de-ls"
LEICHTE_SPRACHE_TAG = "de-x-ls"


def public_language_tag(language_code):
    """The BCP 47 tag readers' software gets for one of our language codes."""
    if (language_code or "").lower() == LEICHTE_SPRACHE_INTERNAL:
        return LEICHTE_SPRACHE_TAG
    return language_code


def content_languages():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def language_codes():
    return [code for code, _name in content_languages()]


def is_rtl(language_code):
    code = (language_code or "").split("-")[0].lower()
    if code in RTL_LANGUAGES:
        return True
    try:
        return bool(get_language_info(code)["bidi"])
    except KeyError:
        return False


def direction(language_code):
    return "rtl" if is_rtl(language_code) else "ltr"


def native_name(language_code):
    """The language's own name (Türkçe, العربية …), as readers look for it."""
    try:
        return get_language_info(language_code)["name_local"]
    except KeyError:
        return dict(content_languages()).get(language_code, language_code)
