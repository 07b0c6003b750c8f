"""Template tags of the public site: calendar and news listings, breadcrumbs, footer, links."""

from urllib.parse import quote, urlencode

from django import template
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from home.models import NewsPage

from ..calendar import calendar_context
from ..feeds import action_field_of

register = template.Library()

NEWS_PER_PAGE = 10


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


@register.simple_tag
def main_menu(site_root):
    """The pages for the main navigation: those marked "show in menus"; when a network marked
    none, its sections (every child of the start page except plain pages, which the footer
    lists)."""
    if not site_root:
        return []
    children = site_root.get_children().live().public()
    marked = list(children.in_menu())
    if marked:
        return marked
    return list(children.not_type(*_standard_page_types()))


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    if not hasattr(page, "get_site") or getattr(page, "depth", 0) <= 2:
        return {"crumbs": []}
    site = page.get_site()
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth) if site else []
    return {"crumbs": list(ancestors), "page": page}


@register.inclusion_tag("includes/site_footer.html")
def site_footer(page):
    site = page.get_site() if hasattr(page, "get_site") else None
    if site is None:
        return {}
    root = site.root_page.specific
    contacts = [item.contact for item in getattr(root, "contacts", None).all()] if hasattr(root, "contacts") else []
    return {
        "site": site,
        "footer_pages": site.root_page.get_children().live().public().type(
            *_standard_page_types()
        ).not_in_menu()[:8],
        "contact": contacts[0] if contacts else None,
    }


def _standard_page_types():
    from home.models import StandardPage

    return (StandardPage,)


@register.simple_tag
def translation_request_url(page):
    """A mailto link to the network's first contact asking for this page in another language."""
    if not hasattr(page, "get_site"):
        return ""
    site = page.get_site()
    if site is None:
        return ""
    root = site.root_page.specific
    contacts = getattr(root, "contacts", None)
    email = ""
    if contacts is not None:
        for item in contacts.all():
            if item.contact.email:
                email = item.contact.email
                break
    if not email:
        return ""
    subject = _("Translation request: %(title)s") % {"title": page.title}
    body = _("Please translate this page into (language): %(url)s") % {"url": page.full_url or page.url}
    return f"mailto:{email}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


@register.simple_tag(takes_context=True)
def event_calendar(context, page):
    return calendar_context(page, context["request"])


@register.simple_tag(takes_context=True)
def news_listing(context, page):
    """The news below ``page``, newest first, 10 per page, optionally of one action field."""
    request = context["request"]
    news = (
        NewsPage.objects.child_of(page)
        .live()
        .public()
        .order_by("-date", "-pk")
        .prefetch_related("action_fields")
    )
    site = page.get_site()
    slug = request.GET.get("handlungsfeld", "")[:100]
    field = None
    if slug:
        try:
            field = action_field_of(site, slug)
        except Exception:  # an unknown field shows everything and says so
            field = None
        news = news.filter(action_fields=field) if field else news
    from ..calendar import site_action_fields

    paginator = Paginator(news, NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("seite"))
    return {
        "items": page_obj,
        "paginator": paginator,
        "action_field": field,
        "unknown_field": bool(slug and field is None),
        "action_fields": site_action_fields(page),
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
