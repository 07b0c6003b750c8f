"""Health for machines (JSON) and for people (a page), and Prometheus metrics."""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cms.clients import client_address

from . import health, metrics


def _wants_json(request):
    if request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


@require_safe
def live(request):
    """Liveness: the process answers requests. Nothing else is looked at, so a slow database never
    makes an orchestrator restart a healthy web process."""
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


@require_safe
def ready(request):
    """Readiness: every dependency this installation uses. 503 when one of them fails."""
    results = health.run_checks()
    ok = all(result.ok for result in results)
    status = 200 if ok else 503
    if _wants_json(request):
        response = JsonResponse(
            {
                "status": "ok" if ok else "failing",
                "checks": {
                    r.name: {
                        "ok": r.ok,
                        "used": r.used,
                        "detail": r.detail,
                        "milliseconds": round(r.seconds * 1000, 1),
                    }
                    for r in results
                },
            },
            status=status,
        )
    else:
        response = render(
            request,
            "operations/health.html",
            {"results": results, "ok": ok, "title": _("Ready") if ok else _("Not ready")},
            status=status,
        )
    add_never_cache_headers(response)
    return response


def _metrics_allowed(request):
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if given and hmac.compare_digest(given.encode(), token.encode()):
            return True
    allowed = settings.METRICS_ALLOWED_NETWORKS
    if allowed:
        try:
            address = ipaddress.ip_address(client_address(request))
        except ValueError:
            return False
        return any(address in ipaddress.ip_network(net, strict=False) for net in allowed)
    return False


@require_safe
def prometheus(request):
    """Prometheus metrics, for a bearer token (``METRICS_TOKEN``) or a network allow-list
    (``METRICS_ALLOWED_NETWORKS``); neither set means nobody."""
    if not _metrics_allowed(request):
        return HttpResponseForbidden(_("Metrics need a token or an allowed network."), content_type="text/plain")
    body, content_type = metrics.export()
    response = HttpResponse(body, content_type=content_type)
    add_never_cache_headers(response)
    return response
