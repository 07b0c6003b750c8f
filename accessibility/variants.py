"""What readers are offered for a page: its Leichte Sprache or standard counterpart and the
current built variants. Shared by the template tag and the API field, so the public site and
headless front ends always agree."""

from urllib.parse import urljoin

from django.conf import settings

from .models import LeichteSpracheLink, PageVariant


def _live_url(page, request=None, absolute=False):
    if page is None or not page.live:
        return None
    if page.get_view_restrictions().exists():
        return None
    return page.get_full_url(request) if absolute else page.get_url(request)


def linked_pages(page):
    """(Leichte Sprache version, standard page) of ``page``; either may be None."""
    link = LeichteSpracheLink.objects.select_related("variant", "page").filter(page_id=page.pk).first()
    source = LeichteSpracheLink.objects.select_related("page").filter(variant_id=page.pk).first()
    return (link.variant if link else None), (source.page if source else None)


def current_variants(page):
    """Variants that may be offered: built from the page's present text, file in place."""
    return {
        v.kind: v
        for v in PageVariant.objects.filter(page_id=page.pk, status=PageVariant.Status.CURRENT)
        if v.is_current
    }


def _file_url(variant, absolute, page, request):
    url = variant.file.url
    if absolute and not url.startswith(("http://", "https://")):
        site = page.get_site()
        base = site.root_url if site else settings.WAGTAILAPI_BASE_URL
        if request is not None and site is None:
            base = request.build_absolute_uri("/")
        url = urljoin(base.rstrip("/") + "/", url.lstrip("/"))
    return url


def page_variants(page, request=None, absolute=False):
    """The dict the public toolbar reads. Missing or None means "not available"."""
    variant, standard = linked_pages(page)
    current = current_variants(page)
    audio = current.get(PageVariant.Kind.AUDIO)
    pdf = current.get(PageVariant.Kind.PDF)
    return {
        "leichte_sprache_url": _live_url(variant, request, absolute),
        "standard_url": _live_url(standard, request, absolute),
        "audio": {
            "url": _file_url(audio, absolute, page, request),
            "duration_seconds": audio.duration_seconds,
            "mime": audio.data.get("mime", "audio/ogg"),
        } if audio else None,
        "pdf_url": _file_url(pdf, absolute, page, request) if pdf else None,
        "sign_language": None,  # filled by the sign-language videos (i18n branch)
        "translations": [],  # filled by wagtail-localize translations (i18n branch)
    }


def api_representation(page):
    """``accessibility_variants`` of the page API: the toolbar dict with absolute URLs, plus
    the linked pages, the state of each variant and, on Leichte Sprache pages, the checker's
    report of the published text and whether readers of the target group reviewed it."""
    from .checking import latest_check
    from .models import TargetGroupReviewTask

    data = page_variants(page, absolute=True)
    variant, standard = linked_pages(page)
    data["leichte_sprache_page"] = _page_ref(variant)
    data["standard_page"] = _page_ref(standard)
    data["is_leichte_sprache"] = standard is not None
    data["status"] = {
        v.kind: {"status": v.status, "updated_at": v.updated_at.isoformat(), "error": v.error or None}
        for v in PageVariant.objects.filter(page_id=page.pk)
    }
    pdf = current_variants(page).get(PageVariant.Kind.PDF)
    data["pdf_size"] = pdf.size if pdf else None
    if standard is not None:
        check = latest_check(page, live=True)
        data["leichte_sprache_check"] = check.to_dict() if check else None
        data["reviewed_by_target_group"] = TargetGroupReviewTask.approved_for(page)
    return data


def _page_ref(page):
    if page is None or not page.live:
        return None
    return {"id": page.pk, "title": page.title, "url": page.get_full_url()}


class AccessibilityVariantsMixin:
    """Adds the ``accessibility_variants`` property the API field reads (no database column)."""

    @property
    def accessibility_variants(self):
        return api_representation(self)


def add_accessibility_variants_api_field(*models):
    """Give each page model the ``accessibility_variants`` property and API field."""
    from wagtail.api import APIField

    for model in models:
        if "accessibility_variants" not in model.__dict__:
            model.accessibility_variants = AccessibilityVariantsMixin.accessibility_variants
        names = {getattr(f, "name", f) for f in model.api_fields}
        if "accessibility_variants" not in names:
            model.api_fields = list(model.api_fields) + [APIField("accessibility_variants")]
