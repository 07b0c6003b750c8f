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
from django.db.models import Q
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
    served = _network_videos(page)
    if served is not None:
        return served.get(page.pk)
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


def _describe(video):
    try:
        return video.describe()
    except (ValidationError, OSError):
        return None  # a file that went missing or no longer passes is not offered


def _network_videos(page):
    """``{page id: video facts}`` of the network of a page being served (from the network's
    fragment cache), or None when the page is not being served in its network."""
    from publicsite.network import tree
    from responsecache import fragments

    request = getattr(page, "_served_request", None)
    if request is None or not fragments.enabled():
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    known = tree(site, request)
    roots = {known.site_root.path, *(root.path for root in known.roots.values())}
    if not any(page.path.startswith(root) for root in roots):
        return None

    def build():
        in_network = Q(site=site)
        for root in roots:
            in_network |= Q(page__path__startswith=root)
        videos = SignLanguageVideo.objects.filter(in_network).select_related("video", "video__video_check", "poster")
        return {video.page_id: _describe(video) for video in videos}

    return fragments.network_value(site, "sign-language-videos", build, request=request)


@register.simple_tag
def sign_language_video(page):
    return video_for_page(page)


def _site(page, request=None):
    """The page's network; the request's site (cached on the request) when it serves the page."""
    from publicsite.network import site_of

    if not isinstance(page, Page):
        return None
    return site_of(page, request)


@register.simple_tag(takes_context=True)
def bitv_explanation_topics(context, page):
    """The four BITV §4 explanations of the page's network, or [] when it has none."""
    from django.utils.translation import get_language

    from responsecache import fragments

    request = context.get("request")
    site = _site(page, request)
    if site is None:
        return []

    def build():
        videos = [f"{key}_video__video_check" for key, _heading in BITVExplanation.TOPICS]
        explanation = BITVExplanation.objects.filter(site=site).select_related(*videos).first()
        if explanation is None:
            return []
        try:
            return explanation.topics()
        except (ValidationError, OSError):
            return []

    return fragments.network_value(site, "bitv-explanations", build, get_language() or "", request=request)


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
        from responsecache import fragments

        def build():
            statement = public_children(site.root_page, AccessibilityStatementPage).only("pk", "url_path").first()
            return statement.get_url(request) if statement else ""

        # relative to the request's site (absolute when it is another network's)
        served_by = Site.find_for_request(request) if request is not None else None
        known[site.pk] = fragments.network_value(
            site, "statement-url", build, getattr(served_by, "pk", ""), request=request
        )
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
