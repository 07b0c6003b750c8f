"""The public interface's message catalogue: which strings readers see, in which languages.

Readers read German, English, Turkish, Arabic, Ukrainian, Russian and Persian, so every string of
the public templates (the frame, the page types, search, newsletter, forms) must be translated
into all seven. The admin's templates are not part of it (editors work in German or English).
Leichte Sprache pages use the pseudo-language ``de-ls`` for the frame's wording; a string
missing there falls back to standard German.

:func:`public_messages` reads the msgids from the public templates with Django's own template
parser (``templatize``) and GNU xgettext, as ``makemessages`` does; the test
``publicsite/tests/test_catalogues.py`` checks each language's ``.po`` files against them, and
``manage.py public_catalogues`` adds missing entries (empty) to the root catalogues.
"""

import subprocess
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation.template import templatize

PUBLIC_LANGUAGES = ["de", "en", "tr", "ar", "uk", "ru", "fa"]
LEICHTE_SPRACHE = "de_LS"

PUBLIC_TEMPLATE_GLOBS = [
    "cms/templates/*.html",
    "cms/templates/includes/*.html",
    "home/templates/home/**/*.html",
    "search/templates/search/*.html",
    "newsletter/templates/newsletter/*.html",
    "participation/templates/participation/*.html",
    "signlanguage/templates/signlanguage/**/*.html",
    "accessibility/templates/accessibility/includes/*.html",
    "translations/templates/translations/request_result.html",
    "translations/templates/translations/includes/*.html",
]
# Python modules whose strings readers see: form labels and errors, listings, durations.
PUBLIC_PYTHON = [
    "publicsite/templatetags/public_tags.py",
    "publicsite/form_errors.py",
    "publicsite/feeds.py",
    "newsletter/forms.py",
    "newsletter/views.py",
    "participation/forms.py",
    "participation/views.py",
    "translations/views.py",
    "signlanguage/feedback.py",
    "search/views.py",
    "search/query.py",
    "accessibility/templatetags/accessibility_tags.py",
]

# Choice labels of models that readers see (a meeting's status, how an event repeats, a
# project's status, the statement's conformity, the participation form's options). The
# weekdays of office hours come translated with Django itself.
PUBLIC_CHOICES = [
    "home.models.pages.MeetingPage.Status",
    "home.models.pages.EventPage.Recurrence",
    "home.models.pages.ProjectPage.Status",
    "signlanguage.models.AccessibilityStatementPage.Conformity",
    "participation.models.FormSubmission.JoinAs",
]

XGETTEXT = [
    "xgettext",
    "--language=Python",
    "--from-code=UTF-8",
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
    "--no-location",
    "--output=-",
    "-",
]


def public_templates():
    base = Path(settings.BASE_DIR)
    found = set()
    for pattern in PUBLIC_TEMPLATE_GLOBS:
        found.update(p for p in base.glob(pattern) if p.is_file())
    return sorted(found)


def public_messages():
    """The msgids of the public templates: {(msgctxt, msgid): msgid_plural}."""
    base = Path(settings.BASE_DIR)
    sources = [templatize(path.read_text(encoding="utf-8"), origin=str(path)) for path in public_templates()]
    sources += [(base / name).read_text(encoding="utf-8") for name in PUBLIC_PYTHON]
    source = "\n".join(sources)
    output = subprocess.run(XGETTEXT, input=source, capture_output=True, text=True, check=True).stdout
    catalogue = polib.pofile(output) if output.strip() else []
    messages = {(entry.msgctxt, entry.msgid): entry.msgid_plural for entry in catalogue}
    messages.update({(None, label): "" for label in choice_labels()})
    return messages


def choice_labels():
    """The msgids of the choice labels in ``PUBLIC_CHOICES``."""
    from django.utils import translation
    from django.utils.module_loading import import_string

    labels = []
    with translation.override(None):  # a lazy label then reads as its msgid
        for dotted in PUBLIC_CHOICES:
            module, _, nested = dotted.partition(".models.")
            owner = import_string(f"{module}.models.{nested.split('.')[0]}")
            for name in nested.split(".")[1:]:
                owner = getattr(owner, name)
            labels += [str(label) for _value, label in owner.choices]
    return labels


def catalogue_files(language):
    """Every django.po of a language: the project's and the apps' ``locale`` directories."""
    base = Path(settings.BASE_DIR)
    dirs = [Path(p) for p in settings.LOCALE_PATHS] + sorted(base.glob("*/locale"))
    files = [d / language / "LC_MESSAGES" / "django.po" for d in dirs]
    return [f for f in files if f.exists() and ".venv" not in f.parts]


def translated(language):
    """{(msgctxt, msgid)} translated (not fuzzy, every plural form filled) in a language."""
    done = set()
    for path in catalogue_files(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            if forms and all(forms):
                done.add((entry.msgctxt, entry.msgid))
    return done


def missing(language):
    return sorted(set(public_messages()) - translated(language), key=lambda key: (key[0] or "", key[1]))
