"""German full-text search over the live, public pages of one network (Wagtail site).

PostgreSQL: Wagtail's database backend with the ``german`` text-search configuration
(``WAGTAILSEARCH_BACKENDS['default']['SEARCH_CONFIG']``), so "Sprachkurse" finds
"Sprachkurs". SQLite: the same backend on FTS5. The public view (``/suche/``, ``/ar/suche/`` …)
and the API (``/api/v3/search/``) both call :func:`search_site`, so they always agree.

A search runs over one language's tree of the network: the start page's translation in the
reader's language where it is live (what ``/ar/…`` serves), else the German pages.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from home.models import ActionFieldPage, EventPage, MeetingPage, NewsPage, ProjectPage, RoundTablePage
from home.models.tagging import ActionFieldTagged

MAX_QUERY_LENGTH = 200
RESULTS_PER_GROUP = 20
AUTOCOMPLETE_LIMIT = 8
MAX_RESULTS = 500

# Result groups in the order readers see them; "pages" takes every other page type.
GROUPS = [
    ("news", _("News"), NewsPage),
    ("events", _("Events"), EventPage),
    ("projects", _("Projects"), ProjectPage),
    ("meetings", _("Meetings"), MeetingPage),
    ("round_tables", _("Round tables"), RoundTablePage),
    ("action_fields", _("Action fields"), ActionFieldPage),
    ("pages", _("Pages"), None),
]
GROUP_KEYS = [key for key, _label, _model in GROUPS]
GROUP_LABELS = {key: label for key, label, _model in GROUPS}
_MODEL_GROUP = {model: key for key, _label, model in GROUPS if model}


def group_key_for(page):
    return _MODEL_GROUP.get(type(page), "pages")


@dataclass
class SearchGroup:
    key: str
    label: str
    results: list = field(default_factory=list)
    count: int = 0


@dataclass
class SiteSearch:
    query: str
    groups: list
    total: int
    types: list
    action_field: object = None

    @property
    def is_empty(self):
        return self.total == 0


def teaser_of(page, length=30):
    """A short plain-text summary for a result: the teaser, else the intro, else nothing."""
    text = getattr(page, "teaser", "") or getattr(page, "intro", "") or getattr(page, "purpose", "") or ""
    return Truncator(strip_tags(str(text))).words(length)


def site_pages(site, root=None):
    """What readers of a site may find: its live, public pages below ``root`` (the site's start
    page or its translation), the start page included."""
    return Page.objects.live().public().descendant_of(root or site.root_page, inclusive=True)


def tagged_page_ids(action_field):
    """Ids of every page tagged with one action field, across all tagged page types."""
    ids = set()
    for model in _tagged_models():
        ids.update(model.objects.filter(action_fields=action_field).values_list("pk", flat=True))
    return ids


def _tagged_models():
    from wagtail.models import get_page_models

    return [m for m in get_page_models() if issubclass(m, ActionFieldTagged) and not m._meta.abstract]


def prefetch_action_fields(pages):
    """Load the action fields of many tagged pages in one query per page type."""
    from django.db.models import prefetch_related_objects

    by_model = {}
    for page in pages:
        if isinstance(page, ActionFieldTagged):
            by_model.setdefault(type(page), []).append(page)
    for same_type in by_model.values():
        prefetch_related_objects(same_type, "action_fields")
    return pages


def site_action_fields(site):
    return ActionFieldPage.objects.live().public().in_site(site).order_by("title")


def clean_query(query):
    return " ".join((query or "").split())[:MAX_QUERY_LENGTH]


# Plural and case endings the Snowball German stemmer does not always undo alike: it stems
# "Sprachkurs" to "sprachkur" but "Sprachkurse" to "sprachkurs". Each word is therefore also
# searched without these endings, and a word ending in "s" also with "e" appended (the
# stemmer still normalises every variant, so "Kurs" finds "Kurse" and "Kursen").
GERMAN_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
MIN_STEM_LENGTH = 4


def word_variants(word):
    variants = [word]
    for ending in GERMAN_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            variants.append(word[: -len(ending)])
    if word.lower().endswith("s") and len(word) >= MIN_STEM_LENGTH:
        variants.append(word + "e")
    return variants


def german_query(text):
    """All words must match (in any of their forms): And(Or(word, word-without-ending, …), …)."""
    words = [w for w in re.split(r"[^\w-]+", text) if w]
    if not words:
        return None
    per_word = []
    for word in words:
        options = [PlainText(v) for v in word_variants(word)]
        per_word.append(options[0] if len(options) == 1 else Or(options))
    return per_word[0] if len(per_word) == 1 else And(per_word)


def search_site(site, query, types=None, action_field=None, per_group=RESULTS_PER_GROUP, root=None):
    """Search one site's live, public pages; results grouped by type in ``GROUPS`` order.

    ``types`` limits the groups (keys of ``GROUPS``); ``action_field`` (an ActionFieldPage of
    the same site) limits results to pages tagged with it, or to their translations; ``root``
    (``translations.pages.language_root``) picks the language's tree, German by default.
    """
    query = clean_query(query)
    types = [t for t in (types or []) if t in GROUP_KEYS]
    groups = {key: SearchGroup(key, str(label)) for key, label, _model in GROUPS}
    if not query:
        return SiteSearch(query, [], 0, types, action_field)
    pages = site_pages(site, root)
    if action_field is not None:
        tagged = tagged_page_ids(action_field)
        if root is None or root.pk == site.root_page_id:
            pages = pages.filter(id__in=tagged)
        else:  # translated pages: those whose German original is tagged
            pages = pages.filter(translation_key__in=Page.objects.filter(id__in=tagged).values("translation_key"))
    search_query = german_query(query)
    if search_query is None:
        return SiteSearch(query, [], 0, types, action_field)
    ranked_ids = [page.pk for page in pages.search(search_query)[:MAX_RESULTS]]
    specifics = {p.pk: p for p in Page.objects.filter(pk__in=ranked_ids).specific()}
    for pk in ranked_ids:
        specific = specifics[pk]
        key = group_key_for(specific)
        if types and key not in types:
            continue
        group = groups[key]
        group.count += 1
        if len(group.results) < per_group:
            group.results.append(specific)
    found = [g for g in groups.values() if g.count]
    return SiteSearch(query, found, sum(g.count for g in found), types, action_field)


def autocomplete_site(site, prefix, limit=AUTOCOMPLETE_LIMIT, root=None):
    """Titles that start with what the reader has typed so far (Wagtail's autocomplete)."""
    prefix = clean_query(prefix)
    if len(prefix) < 2:
        return []
    return [page.specific for page in site_pages(site, root).autocomplete(prefix)[:limit]]
