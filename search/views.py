"""The public search page of a network (``/suche/``, ``/ar/suche/`` …) and its autocomplete JSON.

Both answer for the site named by the request's host: a reader of one network never sees
another network's pages. Under a language prefix they search that language's pages (German
where the network has no translation). No cookie is set (no session, no CSRF token: GET only).
"""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from translations.pages import language_root

from .query import (
    GROUPS,
    RESULTS_PER_GROUP,
    autocomplete_site,
    group_key_for,
    search_site,
    site_action_fields,
)


def _site_or_404(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("No network is served at this address."))
    return site


def search(request):
    site = _site_or_404(request)
    action_fields = list(site_action_fields(site))
    chosen_field = None
    error = ""
    raw_field = request.GET.get("handlungsfeld", "")
    if raw_field:
        chosen_field = next((af for af in action_fields if str(af.pk) == raw_field or af.slug == raw_field), None)
        if chosen_field is None:
            error = _("This action field does not exist on this site; showing results from all action fields.")
    types = request.GET.getlist("typ")
    # One chosen type: show all its hits (up to 100), not just the first of each group.
    per_group = 100 if len(set(types)) == 1 else RESULTS_PER_GROUP
    root = language_root(site)
    result = search_site(
        site, request.GET.get("q", ""), types=types, action_field=chosen_field, per_group=per_group, root=root
    )
    context = {
        "page": root.specific,
        "site": site,
        "search": result,
        "query": result.query,
        "groups": GROUPS,
        "chosen_types": result.types,
        "action_fields": action_fields,
        "chosen_field": chosen_field,
        "error": error,
    }
    return render(request, "search/search.html", context)


def autocomplete(request):
    site = _site_or_404(request)
    pages = autocomplete_site(site, request.GET.get("q", ""), root=language_root(site))
    return JsonResponse(
        {
            "results": [
                {"title": page.title, "url": page.get_url(request=request), "type": group_key_for(page)}
                for page in pages
            ]
        }
    )
