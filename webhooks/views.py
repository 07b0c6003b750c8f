"""Admin: the last 100 webhook deliveries of the editor's networks, and "resend"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permissions import policy_registry

from home.permissions import editable_site_ids

from .delivery import resend as resend_delivery
from .models import WebhookDelivery, WebhookEndpoint

LOG_LENGTH = 100


def may_manage(user):
    return policy_registry.get_by_type(WebhookEndpoint).user_has_any_permission(user, ["change", "view"])


def own_deliveries(user):
    if not may_manage(user):
        raise PermissionDenied
    deliveries = WebhookDelivery.objects.select_related("endpoint", "endpoint__site")
    if not user.is_superuser:
        deliveries = deliveries.filter(endpoint__site_id__in=editable_site_ids(user))
    return deliveries


def delivery_log(request):
    deliveries = own_deliveries(request.user).order_by("-created_at", "-pk")[:LOG_LENGTH]
    return TemplateResponse(
        request,
        "webhooks/deliveries.html",
        {"deliveries": deliveries, "page_title": _("Webhook deliveries"), "header_icon": "link"},
    )


@require_POST
def resend(request, pk):
    delivery = get_object_or_404(own_deliveries(request.user), pk=pk)
    resend_delivery(delivery)
    messages.success(request, _("The event is being sent again."))
    return redirect("webhook_deliveries")
