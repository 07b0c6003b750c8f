"""``{% load signlanguage_tags %}``

- ``{% sign_language_video page as sign_language %}``: ``{"url", "download_url", "size_bytes",
  "duration_seconds", "width", "height", "poster_url"}`` (poster_url may be None) of the page's
  DGS video, or None when it has none.
- ``{% bitv_explanation_topics page as topics %}``: the BITV §4 explanations of the page's
  network; ``{% include "signlanguage/includes/bitv_explanations.html" %}`` renders them.
- ``{% accessibility_statement_url page as url %}``: the network's accessibility statement.
- ``{% dgs_symbol %}``: our inline DGS mark (SVG, no third-party asset).
- ``{{ seconds|duration }}``, ``{{ bytes|filesize_de }}``: "1:05 min", "2,4 MB".
"""

from django import template
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.formats import number_format
from wagtail.models import Page, Site

from home.visibility import public

from ..models import AccessibilityStatementPage, BITVExplanation, SignLanguageVideo

register = template.Library()

CACHE_ATTR = "_sign_language_video"  # the page's video, looked up once per page object


def video_for_page(page):
    if not isinstance(page, Page) or not page.pk:
        return None
    if hasattr(page, CACHE_ATTR):
        video = getattr(page, CACHE_ATTR)
    else:
        video = (
            SignLanguageVideo.objects.filter(page_id=page.pk)
            .select_related("video", "video__video_check", "poster")
            .first()
        )
        setattr(page, CACHE_ATTR, video)  # the toolbar and the video section of a page both ask
    if video is None:
        return None
    try:
        return video.describe()
    except (ValidationError, OSError):
        return None  # a file that went missing or no longer passes is not offered


@register.simple_tag
def sign_language_video(page):
    return video_for_page(page)


def _site(page, request=None):
    """The page's network; the request's site (cached on the request) when it serves the page."""
    if not isinstance(page, Page):
        return None
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None and page.path.startswith(site.root_page.path):
            return site
    return page.get_site()


@register.simple_tag(takes_context=True)
def bitv_explanation_topics(context, page):
    """The four BITV §4 explanations of the page's network, or [] when it has none."""
    site = _site(page, context.get("request"))
    videos = [f"{key}_video__video_check" for key, _heading in BITVExplanation.TOPICS]
    explanation = BITVExplanation.objects.filter(site=site).select_related(*videos).first() if site else None
    if explanation is None:
        return []
    try:
        return explanation.topics()
    except (ValidationError, OSError):
        return []


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context, page):
    """URL of the live accessibility statement of the page's network, or '' (looked up once per
    request and network: the footer and the start page's BITV explanations both link it)."""
    request = context.get("request")
    site = _site(page, request)
    if site is None:
        return ""
    known = getattr(request, "_accessibility_statement_urls", None) if request is not None else None
    if known is None:
        known = {}
        if request is not None:
            request._accessibility_statement_urls = known
    if site.pk not in known:
        statement = public_children(site.root_page, AccessibilityStatementPage).only("pk", "url_path").first()
        known[site.pk] = statement.get_url(request) if statement else ""
    return known[site.pk]


def public_children(parent, model):
    """Live children of ``parent`` that no view restriction (on them or above) hides, in one query."""
    return public(model.objects.live().child_of(parent))


@register.simple_tag
def dgs_symbol(size=32):
    return render_to_string("signlanguage/includes/dgs_symbol.svg", {"size": size})


@register.filter
def duration(seconds):
    try:
        total = int(round(float(seconds)))
    except (TypeError, ValueError):
        return ""
    minutes, secs = divmod(total, 60)
    return f"{minutes}:{secs:02d} min"


@register.filter
def filesize_de(size):
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 1024 * 1024:
        return f"{number_format(size / 1024, 0, force_grouping=False)} KB"
    return f"{number_format(size / (1024 * 1024), 1, force_grouping=False)} MB"
