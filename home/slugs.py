"""Page slugs in plain ASCII, transliterated the German way.

``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` makes Wagtail's own slug field drop what is not ASCII;
without help "Grüße" would become "gre" in the browser and "Straße" "strae" on the server.
``ascii_slug`` writes umlauts and ß out (ä → ae, ß → ss) and strips accents (é → e) first;
``BROWSER_FORMATTERS`` does the same in the page editor's slug field (Wagtail's slug input
applies these replacements before it slugifies, when the title is typed and when the slug
field is left)."""

import unicodedata

from django.utils.text import slugify

GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}


def transliterate(text):
    """German letters written out, other accents stripped: 'Grüße, Café' → 'Gruesse, Cafe'."""
    text = "".join(GERMAN.get(char, char) for char in text or "")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def ascii_slug(text):
    """'Sprachcafé für Mütter' → 'sprachcafe-fuer-muetter' ('' when nothing is left)."""
    return slugify(transliterate(text))


def needs_ascii(slug):
    return bool(slug) and not slug.isascii()


# (regular expression, replacement, flags) for Wagtail's slug input: German letters written out,
# then the accented letters of other Latin alphabets plain (the slug field's own clean-up on
# leaving it would otherwise drop them: "café" → "caf").
ACCENTS = {
    "a": "àáâãåā",
    "c": "çčć",
    "e": "èéêëēė",
    "i": "ìíîïī",
    "n": "ñń",
    "o": "òóôõøō",
    "s": "šś",
    "u": "ùúûū",
    "z": "žźż",
}
BROWSER_FORMATTERS = [(char, replacement, "g") for char, replacement in GERMAN.items()] + [
    (f"[{letters}{letters.upper()}]", plain, "g") for plain, letters in ACCENTS.items()
]


def browser_formatter_attrs():
    """The slug input's data attribute that makes the browser transliterate like ``ascii_slug``."""
    from wagtail.admin.widgets.slug import SlugInput

    attrs = SlugInput(formatters=BROWSER_FORMATTERS).attrs
    return {"data-w-slug-formatters-value": attrs["data-w-slug-formatters-value"]}
