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
SERVED_ATTR = "_accessibility_served"  # (variant, standard, network tree) of a page being served


def network_links(site, request=None):
    """``{"variant": {page id: its Leichte Sprache page}, "standard": {id: standard page}}`` of
    every link that touches the network, from the network's fragment cache."""
    from publicsite.network import tree
    from responsecache import fragments

    def build():
        known = tree(site, request)
        touches = Q()
        for root in {known.site_root.path, *(page.path for page in known.roots.values())}:
            touches |= Q(page__path__startswith=root) | Q(variant__path__startswith=root)
        found = {"variant": {}, "standard": {}}
        for link in LeichteSpracheLink.objects.filter(touches).select_related("page", "variant").order_by("pk"):
            found["variant"].setdefault(link.page_id, link.variant)
            found["standard"].setdefault(link.variant_id, link.page)
        return found

    return fragments.network_value(site, "leichte-sprache-links", build, request=request)


def remember_served(page, request):
    """Look up the Leichte Sprache links of a page being served once, from the network's cached
    links when the page is in the request's network; returns (variant, standard)."""
    from publicsite.network import site_of, tree
    from responsecache import fragments

    site = site_of(page, request) if fragments.enabled() else None
    if site is None:
        variant, standard = linked_pages(page)
        setattr(page, SERVED_ATTR, (variant, standard, None))
        return variant, standard
    links = network_links(site, request)
    variant, standard = links["variant"].get(page.pk), links["standard"].get(page.pk)
    setattr(page, SERVED_ATTR, (variant, standard, tree(site, request)))
    return variant, standard


def prefetch(pages):
    """Load what :func:`api_representation` needs for many pages in a fixed number of
    queries (API listings), instead of several queries per page."""
    pages = list(pages)
    ids = [p.pk for p in pages]
    by_page, by_variant = _links_of(pages, ids)
    links = [*by_page.values(), *by_variant.values()]
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
    restricted_paths = _restricted_paths(pages) if links else []
    for page in pages:
        setattr(
            page,
            CACHE_ATTR,
            {
                "variant": by_page.get(page.pk),
                "standard": by_variant.get(page.pk),
                "variants": variants.get(page.pk, []),
                "check": checks.get(page.live_revision_id) if page.pk in by_variant else None,
                "reviewed": str(page.pk) in reviewed,
                "restricted_paths": restricted_paths,
            },
        )
    return pages


def _served_network(pages):
    """(site, request) when every page is in the network of the request being answered and the
    network's fragments are on, else None."""
    from wagtail.models import Site

    from publicsite.network import known_roots
    from responsecache import fragments

    request = fragments.current_request()
    site = Site.find_for_request(request) if request is not None and fragments.enabled() else None
    roots = known_roots(site, request) if site is not None else {}
    if roots and all(any(page.path.startswith(root) for root in roots) for page in pages):
        return site, request
    return None


def _links_of(pages, ids):
    """``({page id: its Leichte Sprache page}, {variant id: its standard page})`` for ``pages``:
    from the network's cached links when all of them are in the network of the request being
    answered, else in one query."""
    served = _served_network(pages)
    if served is not None:
        links = network_links(*served)
        wanted = set(ids)
        return (
            {pk: page for pk, page in links["variant"].items() if pk in wanted},
            {pk: page for pk, page in links["standard"].items() if pk in wanted},
        )
    by_page, by_variant = {}, {}
    links = LeichteSpracheLink.objects.filter(Q(page_id__in=ids) | Q(variant_id__in=ids)).select_related(
        "page", "variant"
    )
    for link in links.order_by("pk"):
        by_page.setdefault(link.page_id, link.variant)
        by_variant.setdefault(link.variant_id, link.page)
    return by_page, by_variant


def _restricted_paths(pages):
    """Paths of the pages view restrictions hide (with what is below them)."""
    served = _served_network(pages)
    if served is not None:
        from publicsite.network import tree

        return [path for path, _restriction in tree(*served).restrictions]
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _cached(page):
    return getattr(page, CACHE_ATTR, None)


def _restricted(linked, page):
    served = getattr(page, SERVED_ATTR, None)
    if served is not None and served[2] is not None:
        known = served[2]
        if any(linked.path.startswith(root.path) for root in [known.site_root, *known.roots.values()]):
            return known.restricted(linked.path)
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
    served = getattr(page, SERVED_ATTR, None)
    if served is not None:
        return served[0], served[1]
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
