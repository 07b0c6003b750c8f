"""What readers are offered for a page: its Leichte Sprache or standard counterpart and the
current built variants. Shared by the template tag and the API field, so the public site and
headless front ends always agree."""

from collections import defaultdict
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from wagtail.models import PageViewRestriction, TaskState

from .models import LeichteSpracheCheck, LeichteSpracheLink, PageVariant

CACHE_ATTR = "_accessibility_prefetched"


def prefetch(pages):
    """Load what :func:`api_representation` needs for many pages in a fixed number of
    queries (API listings), instead of several queries per page."""
    pages = list(pages)
    ids = [p.pk for p in pages]
    links = list(
        LeichteSpracheLink.objects.filter(Q(page_id__in=ids) | Q(variant_id__in=ids)).select_related("page", "variant")
    )
    by_page = {link.page_id: link for link in links}
    by_variant = {link.variant_id: link for link in links}
    variants = defaultdict(list)
    for v in PageVariant.objects.filter(page_id__in=ids):
        variants[v.page_id].append(v)
    ls_pages = [p for p in pages if p.pk in by_variant]
    checks = {
        c.revision_id: c
        for c in LeichteSpracheCheck.objects.filter(
            revision_id__in=[p.live_revision_id for p in ls_pages if p.live_revision_id]
        )
    }
    from .models import TargetGroupReviewTask

    reviewed = (
        set(
            TaskState.objects.filter(
                task__in=TargetGroupReviewTask.objects.all(),
                status=TaskState.STATUS_APPROVED,
                revision__object_id__in=[str(p.pk) for p in ls_pages],
            ).values_list("revision__object_id", flat=True)
        )
        if ls_pages
        else set()
    )
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True)) if links else []
    for page in pages:
        link, source = by_page.get(page.pk), by_variant.get(page.pk)
        setattr(
            page,
            CACHE_ATTR,
            {
                "variant": link.variant if link else None,
                "standard": source.page if source else None,
                "variants": variants.get(page.pk, []),
                "check": checks.get(page.live_revision_id) if source else None,
                "reviewed": str(page.pk) in reviewed,
                "restricted_paths": restricted_paths,
            },
        )
    return pages


def _cached(page):
    return getattr(page, CACHE_ATTR, None)


def _restricted(linked, page):
    cache = _cached(page)
    if cache is not None:
        return any(linked.path.startswith(path) for path in cache["restricted_paths"])
    steplen = linked.steplen
    above = [linked.path[:end] for end in range(steplen, len(linked.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(page__path__in=above).exists()


def _live_url(linked, request=None, absolute=False, page=None):
    if linked is None or not linked.live or _restricted(linked, page or linked):
        return None
    return linked.get_full_url(request) if absolute else linked.get_url(request)


def linked_pages(page):
    """(Leichte Sprache version, standard page) of ``page``; either may be None."""
    cache = _cached(page)
    if cache is not None:
        return cache["variant"], cache["standard"]
    links = LeichteSpracheLink.objects.select_related("variant", "page").filter(
        Q(page_id=page.pk) | Q(variant_id=page.pk)
    )
    variant = standard = None
    for link in links:
        if link.page_id == page.pk and variant is None:
            variant = link.variant
        if link.variant_id == page.pk and standard is None:
            standard = link.page
    return variant, standard


def all_variants(page):
    cache = _cached(page)
    return cache["variants"] if cache is not None else list(PageVariant.objects.filter(page_id=page.pk))


def current_variants(page):
    """Variants that may be offered: built from the page's present text, file in place."""
    return {v.kind: v for v in all_variants(page) if v.status == PageVariant.Status.CURRENT and v.is_current}


def _file_url(variant, absolute, page, request):
    return _absolute(variant.file.url, page, request) if absolute else variant.file.url


def _absolute(url, page, request=None):
    if url.startswith(("http://", "https://")):
        return url
    parts = page.get_url_parts(request)
    base = parts[1] if parts else settings.WAGTAILAPI_BASE_URL
    return urljoin(base.rstrip("/") + "/", url.lstrip("/"))


def page_variants(page, request=None, absolute=False, with_video_and_translations=True):
    """The dict the public toolbar reads. Missing or None means "not available"."""
    from signlanguage.templatetags.signlanguage_tags import video_for_page
    from translations.pages import page_translations

    variant, standard = linked_pages(page)
    current = current_variants(page)
    audio = current.get(PageVariant.Kind.AUDIO)
    pdf = current.get(PageVariant.Kind.PDF)
    return {
        "leichte_sprache_url": _live_url(variant, request, absolute, page),
        "standard_url": _live_url(standard, request, absolute, page),
        "audio": {
            "url": _file_url(audio, absolute, page, request),
            "duration_seconds": audio.duration_seconds,
            "mime": audio.data.get("mime", "audio/ogg"),
        }
        if audio
        else None,
        "pdf_url": _file_url(pdf, absolute, page, request) if pdf else None,
        "sign_language": video_for_page(page) if with_video_and_translations else None,
        "translations": page_translations(page, request, full_url=absolute) if with_video_and_translations else [],
    }


def api_representation(page):
    """``accessibility_variants`` of the page API: the toolbar dict with absolute URLs, plus
    the linked pages, the state of each variant and, on Leichte Sprache pages, the checker's
    report of the published text and whether readers of the target group reviewed it."""
    from .checking import latest_check
    from .models import TargetGroupReviewTask

    if _cached(page) is None:  # a detail: load it all in the listing's fixed queries
        prefetch([page])
    # The sign language video and the translations have endpoints of their own; looking them up
    # here would cost queries per item of a listing.
    data = page_variants(page, absolute=True, with_video_and_translations=False)
    del data["sign_language"], data["translations"]
    data["sign_language_endpoint"] = _absolute(reverse("wagtailapi_v3:sign_language_page_video", args=[page.pk]), page)
    data["translations_endpoint"] = _absolute(reverse("wagtailapi_v3:page_translations", args=[page.pk]), page)
    variant, standard = linked_pages(page)
    data["leichte_sprache_page"] = _page_ref(variant, page)
    data["standard_page"] = _page_ref(standard, page)
    data["is_leichte_sprache"] = standard is not None
    data["status"] = {
        v.kind: {"status": v.status, "updated_at": v.updated_at.isoformat(), "error": v.error or None}
        for v in all_variants(page)
    }
    pdf = current_variants(page).get(PageVariant.Kind.PDF)
    data["pdf_size"] = pdf.size if pdf else None
    if standard is not None:
        cache = _cached(page)
        check = cache["check"] if cache is not None else latest_check(page, live=True)
        data["leichte_sprache_check"] = check.to_dict() if check else None
        data["reviewed_by_target_group"] = (
            cache["reviewed"] if cache is not None else TargetGroupReviewTask.approved_for(page)
        )
    return data


def _page_ref(linked, page):
    url = _live_url(linked, absolute=True, page=page)
    return {"id": linked.pk, "title": linked.title, "url": url} if url else None
