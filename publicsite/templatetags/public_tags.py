"""Template tags of the public site: calendar and news listings, breadcrumbs, footer, links."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from home.models import NewsPage
from home.visibility import public
from translations.languages import direction

from .. import form_errors
from .. import network as network_data
from ..calendar import Occurrence, calendar_context
from ..theme import theme_for_site

register = template.Library()

NEWS_PER_PAGE = 10


@register.simple_tag
def event_when(start, end=None, all_day=False):
    """When an event (or one of its occurrences) runs, in the reader's language: one day with
    times, or first and last day when it runs over several days."""
    occurrence = Occurrence(_WhenEvent(all_day), start, end if end and end > start else None)
    start, end = timezone.localtime(start), timezone.localtime(occurrence.end) if occurrence.end else None
    day_format = "l, j. F Y"
    if occurrence.spans_days:
        if all_day:
            return f"{date_format(start, day_format)} – {date_format(occurrence.last_date, day_format)}"
        return f"{date_format(start, day_format + ', H:i')} – {date_format(end, day_format + ', H:i')}"
    if all_day:
        return date_format(start, day_format)
    text = date_format(start, day_format + ", H:i")
    return f"{text}–{date_format(end, 'H:i')}" if end else text


@dataclass(frozen=True)
class _WhenEvent:
    all_day: bool


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """ "2 errors: " before the page title when a submitted form came back with problems."""
    return form_errors.title_prefix(form_errors.error_count(context))


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form=None, message=""):
    """The summary of a submitted form's problems (nothing when there are none); ``message`` is a
    form-wide problem found outside the form (rate limit, expired token)."""
    problems = form_errors.form_problems(form)
    return {"problems": problems, "message": message, "count": len(problems) + (1 if message else 0)}


@register.filter
def pk_list(pages):
    return [p.pk for p in pages]


@register.filter
def duration(seconds):
    """Seconds as "3:05 Min." (German style)."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    minutes, rest = divmod(seconds, 60)
    return _("%(minutes)d:%(seconds)02d min") % {"minutes": minutes, "seconds": rest}


@register.simple_tag(takes_context=True)
def network(context, page):
    """What the frame of every page needs, computed once per request: the network's site and
    start page, the menu, the current page's ancestors, the first contact, the footer pages.

    The menu holds the start page's children that editors marked "show in menus" (sections
    are marked when created, plain pages are not), in the order editors gave them in the page
    explorer; the other children go to the footer."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None and hasattr(page, "get_site"):
        site = page.get_site()
    if site is None:
        return {"theme": theme_for_site(None)}
    shown = network_data.frame(site, page, request)
    path = getattr(page, "path", "")
    return {
        **shown,
        "site": site,
        "menu": [
            (item, "page" if item.pk == getattr(page, "pk", None) else ("true" if path.startswith(item.path) else ""))
            for item in shown["menu"]
        ],
        "theme": theme_for_site(site),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The way from the start page to ``page``, in one query; links relative to the request's host
    and port."""
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    request = context.get("request")
    site = network_data.site_of(page, request)
    if site is None:
        return {"crumbs": []}
    known = network_data.known_roots(site, request)
    root_path = next((path for path in known if page.path.startswith(path)), None)
    if root_path is None:  # without the fragment cache, or a start page that is not live
        root_path = site.root_page.path
    steplen = page.steplen
    paths = [page.path[:end] for end in range(len(root_path), len(page.path), steplen)]
    unknown = [path for path in paths if path not in known]
    crumbs = [known[path] for path in paths if path in known]
    crumbs += list(Page.objects.filter(path__in=unknown)) if unknown else []
    return {"crumbs": sorted(crumbs, key=lambda crumb: crumb.path), "page": page, "request": request}


@register.simple_tag(takes_context=True)
def event_calendar(context, page):
    return calendar_context(page, context["request"])


@register.simple_tag(takes_context=True)
def news_listing(context, page):
    """The news below ``page``, newest first, 10 per page, optionally of one action field."""
    request = context["request"]
    news = public(NewsPage.objects.child_of(page).live()).order_by("-date", "-pk").prefetch_related("action_fields")
    from ..calendar import site_action_fields

    fields = site_action_fields(page, request)
    slug = request.GET.get("handlungsfeld", "")[:100]
    field = next((f for f in fields if f.slug == slug), None) if slug else None  # unknown: show all, say so
    if field is not None:
        news = news.filter(action_fields=field)

    paginator = Paginator(news, NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("seite"))
    return {
        "items": page_obj,
        "paginator": paginator,
        "action_field": field,
        "unknown_field": bool(slug and field is None),
        "action_fields": fields,
    }


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters replaced (None/"" removes them)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def lang_if_other(snippet):
    """` lang="de"` on a snippet's text when it is shown untranslated in a page of another
    language (an Arabic page falling back to a German contact), so screen readers switch voice."""
    code = getattr(snippet, "language", "") or ""
    if not code or code.split("-")[0] == (get_language() or "").split("-")[0]:
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.filter
def osm_url(contact):
    """A plain link to OpenStreetMap's search for the address (no tiles, no scripts here)."""
    address = ", ".join(contact.address_lines) if hasattr(contact, "address_lines") else str(contact)
    if not address:
        return ""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


@register.filter
def event_address(event):
    parts = [event.street, f"{event.postal_code} {event.city}".strip()]
    return ", ".join(part for part in parts if part)


@register.simple_tag(takes_context=True)
def is_page_view(context):
    """True on a Wagtail page's own view; False where a search, newsletter or archive view
    borrows the start page only for the frame (menu, footer)."""
    page, own = context.get("page"), context.get("self")
    return bool(getattr(page, "pk", None) and own is not None and own == page)


@register.simple_tag
def missing_variants(variants):
    """The reading aids this view lacks, named in one quiet "Not available: …" line instead of
    a greyed entry each."""
    variants = variants or {}
    missing = []
    if not (variants.get("leichte_sprache_url") or variants.get("standard_url")):
        missing.append(_("Leichte Sprache"))
    if not (variants.get("sign_language") or {}).get("url"):
        missing.append(_("Sign language"))
    if not (variants.get("audio") or {}).get("url"):
        missing.append(_("Read aloud"))
    if not variants.get("pdf_url"):
        missing.append(_("PDF"))
    return missing


@register.filter
def list_join(items):
    """Items joined with the reader's list separator (Arabic and Persian write "،")."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


START_PAGE_ITEMS = 3


@register.simple_tag(takes_context=True)
def start_page_news(context, home):
    """The network's newest news for its start page (municipal start pages lead with them)."""
    news = list(public(NewsPage.objects.descendant_of(home).live()).order_by("-date", "-pk")[:START_PAGE_ITEMS])
    return with_known_parents(context, home, news)


@register.simple_tag(takes_context=True)
def start_page_events(context, home, today=None):
    """The network's next event occurrences (an event running now counts), for its start page."""
    from home.models import EventPage

    from ..calendar import occurrences, running_since

    today = today or timezone.localdate()
    events = running_since(public(EventPage.objects.descendant_of(home).live()), today)
    found = occurrences(events, today, today + datetime.timedelta(days=365))[:START_PAGE_ITEMS]
    with_known_parents(context, home, [occurrence.event for occurrence in found])
    return found


def with_known_parents(context, home, pages):
    """Give pages below a section of the start page (news index, calendar) that section as their
    parent from the network's frame, so "All news" / "All events" need no query for it."""
    from responsecache import fragments

    request = context.get("request")
    site = network_data.site_of(home, request) if request is not None and fragments.enabled() else None
    if site is None:  # without the fragment cache the frame would be loaded again for this
        return pages
    sections = {section.path: section for section in network_data.frame(site, home, request)["sections"]}
    for page in pages:
        parent = sections.get(page.path[: -page.steplen])
        if parent is not None:
            page._cached_parent_obj = parent
    return pages
