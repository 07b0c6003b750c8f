"""What an axe run opens on one network in one language: shared by
``tests/browser/test_accessibility.py`` (CI) and ``scripts/axe_crawl.py`` (the full crawl).

Reads the database only (no writes), so it may run in the browser-test process.
"""

from collections import defaultdict

LEICHTE_SPRACHE = "de-x-ls"


def page_path(page):
    """The page's path on its site (with its language prefix when it is a translation)."""
    _site_id, _root, relative = page.get_url_parts()
    return relative


def _easy_ids(root):
    from accessibility.models import LeichteSpracheLink

    return set(
        LeichteSpracheLink.objects.filter(variant__path__startswith=root.path).values_list("variant_id", flat=True)
    )


def pages_by_language(site):
    """{language code: {page type: first live page of that type}} of one network (its start
    page's tree and the trees of its translations), Leichte Sprache versions left out."""
    from wagtail.models import Page

    root = site.root_page
    pages = Page.objects.none()
    for start in [root, *root.get_translations()]:  # a translated start page is the tree in its language
        pages |= Page.objects.descendant_of(start, inclusive=True)
    easy = _easy_ids(root)
    by_language = defaultdict(dict)
    for page in pages.live().specific().order_by("path"):
        if page.pk not in easy:
            by_language[page.locale.language_code].setdefault(type(page).__name__.lower(), page)
    return by_language


CALENDAR_VIEWS = {"calendar month": "?ansicht=month", "calendar past": "?wann=past", "calendar free": "?kostenlos=1"}


def page_targets(site, language, by_language=None, calendar_views=tuple(CALENDAR_VIEWS)):
    """[(label, path)]: one page of every page type the network has, in ``language``: its
    translation where one exists, else the German page under the language's prefix (the frame in
    the reader's language, as the site serves it); then the calendar's ``calendar_views``."""
    by_language = by_language if by_language is not None else pages_by_language(site)
    german = by_language["de"]
    own = by_language.get(language, {})
    prefix = "" if language == "de" else f"/{language}"
    entries = []
    for kind in sorted(german):
        if kind in own:
            entries.append((kind, page_path(own[kind])))
        else:
            entries.append((kind if language == "de" else f"{kind} (de)", prefix + page_path(german[kind])))
    if "eventindexpage" in own:
        events = page_path(own["eventindexpage"])
    elif "eventindexpage" in german:
        events = prefix + page_path(german["eventindexpage"])
    else:
        events = None
    if events:
        entries += [(view, events + CALENDAR_VIEWS[view]) for view in calendar_views]
    return entries


def view_targets(site, language="de"):
    """[(label, path)]: the public views that are no Wagtail page, under the language's prefix
    (/ar/suche/, /ar/newsletter/)."""
    prefix = "" if language == "de" else f"/{language}"
    entries = [
        ("search", f"{prefix}/suche/?q=Sprache"),
        ("search, no hits", f"{prefix}/suche/?q=xyzzyqq"),
        ("newsletter sign-up", f"{prefix}/newsletter/"),
        ("newsletter archive", f"{prefix}/newsletter/archiv/"),
    ]
    from newsletter.views import archive_issues

    issue = archive_issues(site).order_by("-send_started_at").first()
    if issue is not None:
        entries.append(("newsletter issue", f"{prefix}/newsletter/archiv/{issue.pk}/"))
    return entries


def leichte_sprache_targets(site, limit=None):
    """[(label, path)]: the network's live Leichte Sprache pages."""
    from wagtail.models import Page

    easy = Page.objects.filter(pk__in=_easy_ids(site.root_page)).live().order_by("path")[:limit]
    return [(f"leichte sprache /{page.slug}/", page_path(page)) for page in easy]


def browser_locale(language):
    return "de-DE" if language in ("de", LEICHTE_SPRACHE) else language
