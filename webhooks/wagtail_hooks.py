"""Admin: webhook endpoints per network (a site-scoped snippet) and the delivery log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from home.permissions import SiteScopedPermissionPolicy
from home.wagtail_hooks import SiteScopedSnippetViewSet

from . import views
from .models import WebhookEndpoint

# Before the viewset: editors see and edit only their own networks' endpoints.
policy_registry.register(WebhookEndpoint, SiteScopedPermissionPolicy(WebhookEndpoint))


class WebhookEndpointViewSet(SiteScopedSnippetViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "active", "site"]
    search_fields = ["name", "url"]


register_snippet(WebhookEndpointViewSet)


@hooks.register("register_admin_urls")
def webhook_urls():
    return [
        path("webhooks/deliveries/", views.delivery_log, name="webhook_deliveries"),
        path("webhooks/deliveries/<int:pk>/resend/", views.resend, name="webhook_delivery_resend"),
    ]


class DeliveryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_manage(request.user)


@hooks.register("register_settings_menu_item")
def delivery_log_menu_item():
    return DeliveryLogMenuItem(_("Webhook deliveries"), reverse("webhook_deliveries"), icon_name="link", order=910)
