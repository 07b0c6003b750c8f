"""Admin views: variant status per page (with rebuild and progress), the live Leichte Sprache
check while editing, creating/linking Leichte Sprache versions, and the report of pages that
lack one."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.views.reports.base import PageReportView
from wagtail.models import Page, Site

from .builders import is_leichte_sprache_page, kinds_for
from .checking import check_text, latest_check
from .leichte_sprache import TextTooLong
from .leichte_sprache_pages import create_leichte_sprache_version, link_leichte_sprache_version
from .models import LeichteSpracheLink, PageVariant
from .rule_names import with_rule_names
from .tasks import build_page_variants_task
from .variants import linked_pages

MAX_LIVE_CHECK_CHARS = 200_000  # the live check while typing; the full checker takes more


def _editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if page.is_root() or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def status_data(page):
    variants = {v.kind: v for v in PageVariant.objects.filter(page_id=page.pk)}
    rows = []
    for kind in kinds_for(page):
        v = variants.get(kind)
        rows.append(
            {
                "kind": kind,
                "label": str(PageVariant.Kind(kind).label),
                "status": v.status if v else "missing",
                "status_label": str(PageVariant.Status(v.status).label) if v else _("not built yet"),
                "error": v.error if v else "",
                "updated_at": v.updated_at.isoformat() if v else None,
                "url": v.file.url if v and v.file and v.status == PageVariant.Status.CURRENT else None,
                "duration_seconds": v.duration_seconds if v else None,
                "size": v.size if v else None,
                "findings": len(v.data.get("findings", []))
                if v and kind == PageVariant.Kind.LEICHTE_SPRACHE_REPORT
                else None,
            }
        )
    return {
        "page": page.pk,
        "live": page.live,
        "building": any(r["status"] == "building" for r in rows),
        "variants": rows,
    }


@require_GET
def variant_status(request, page_id):
    page = _editable_page(request, page_id)
    data = status_data(page)
    if request.GET.get("format") == "json":
        return JsonResponse(data)
    variant, standard = linked_pages(page)
    candidates = []
    if variant is None and standard is None:
        site = page.get_site()
        taken = LeichteSpracheLink.objects.values_list("variant_id", flat=True)
        taken_pages = LeichteSpracheLink.objects.values_list("page_id", flat=True)
        candidates = (
            (Page.objects.descendant_of(site.root_page, inclusive=True) if site else Page.objects.none())
            .exclude(pk=page.pk)
            .exclude(pk__in=taken)
            .exclude(pk__in=taken_pages)
            .order_by("path")[:300]
        )
    updated = {v.kind: v.updated_at for v in PageVariant.objects.filter(page_id=page.pk)}
    for row in data["variants"]:
        row["updated"] = updated.get(row["kind"])
    return TemplateResponse(
        request,
        "accessibility/admin/variant_status.html",
        {
            "page": page,
            "status": data,
            "variant": variant,
            "standard": standard,
            "candidates": candidates,
            "check": latest_check(page) if standard else None,
            "status_json_url": reverse("accessibility:variant_status", args=[page.pk]) + "?format=json",
        },
    )


@require_POST
def rebuild(request, page_id):
    page = _editable_page(request, page_id)
    if not page.live:
        messages.error(request, _("Variants are built from the published page. Publish the page first."))
        return redirect("accessibility:variant_status", page.pk)
    for kind in kinds_for(page):
        variant, _created = PageVariant.objects.get_or_create(page=page, kind=kind)
        variant.status = PageVariant.Status.BUILDING
        variant.error = ""
        variant.save(update_fields=["status", "error", "updated_at"])
    build_page_variants_task.delay(page.pk, None, True)
    messages.success(request, _("The variants of “%(title)s” are being rebuilt.") % {"title": page.title})
    return redirect("accessibility:variant_status", page.pk)


@require_POST
def create_version(request, page_id):
    page = _editable_page(request, page_id)
    parent = page.get_parent()
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    try:
        variant = create_leichte_sprache_version(page, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accessibility:variant_status", page.pk)
    messages.success(request, _("Leichte Sprache version created as a draft. Write it in Leichte Sprache now."))
    return redirect("wagtailadmin_pages:edit", variant.pk)


@require_POST
def link_version(request, page_id):
    page = _editable_page(request, page_id)
    try:
        variant = _editable_page(request, int(request.POST.get("variant", "0")))
        link_leichte_sprache_version(page, variant)
    except (ValueError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("“%(variant)s” is now the Leichte Sprache version.") % {"variant": variant.title})
    return redirect("accessibility:variant_status", page.pk)


@require_GET
def stored_check(request, page_id):
    """The stored findings of the page's latest revision (for the editor panel on load)."""
    page = _editable_page(request, page_id)
    is_ls = is_leichte_sprache_page(page)
    check = latest_check(page) if is_ls else None
    check_data = check.to_dict() if check else None
    if check_data:
        check_data["findings"] = with_rule_names(check_data.get("findings"))
    return JsonResponse(
        {
            "leichte_sprache": is_ls,
            "check": check_data,
            "labels": {
                "heading": _("Leichte Sprache"),
                "findings": _("findings"),
                "disclaimer": _(
                    "The checker only finds what software can find. Whether the text is Leichte Sprache, "
                    "readers of the target group decide."
                ),
                "current_text": _("current text"),
                "saved_version": _("saved version"),
                "checking": _("Checking …"),
            },
            "text": check.text if check else "",
            "check_url": reverse("accessibility:check_text"),
            "site": page.get_site().pk if page.get_site() else None,
        }
    )


@require_POST
def live_check(request):
    """Check text sent from the editor while typing: {"text", "site"} → findings and scores."""
    try:
        payload = json.loads(request.body or b"{}")
        text = payload.get("text", "")
        if not isinstance(text, str):
            raise ValueError
    except (ValueError, AttributeError):
        return JsonResponse({"error": _("Send JSON with the text to check.")}, status=400)
    if len(text) > MAX_LIVE_CHECK_CHARS:
        return JsonResponse(
            {"error": _("The text is too long for the live check; save the page to check it.")}, status=413
        )
    site = Site.objects.filter(pk=payload.get("site")).first() if payload.get("site") else None
    try:
        result = check_text(text, site)
    except TextTooLong as error:
        return JsonResponse({"error": str(error)}, status=413)
    return JsonResponse({"text": text, **result, "findings": with_rule_names(result.get("findings"))})


class MissingLeichteSpracheReport(PageReportView):
    """Pages of the editor's networks that have no Leichte Sprache version yet."""

    page_title = gettext_lazy("Pages without Leichte Sprache")
    header_icon = "help"
    index_url_name = "accessibility:missing_report"
    index_results_url_name = "accessibility:missing_report_results"
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        pages = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(depth__gt=1)
            .exclude(pk__in=LeichteSpracheLink.objects.values("page_id"))
            .exclude(pk__in=LeichteSpracheLink.objects.values("variant_id"))
            .order_by("path")
            .specific(defer=True)
        )
        self.queryset = pages
        return super().get_queryset()
