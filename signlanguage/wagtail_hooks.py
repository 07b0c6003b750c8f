"""Admin: sign language videos, BITV explanations and accessibility feedback, each listed and
editable only for the editor's own networks (home's site-scoped snippet views and policy)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from home.permissions import SiteScopedPermissionPolicy
from home.wagtail_hooks import SiteScopedSnippetViewSet

from .models import AccessibilityFeedback, BITVExplanation, SignLanguageVideo

# Site-scoped like home's snippets; registered before the viewsets ask for a policy.
for _model in (SignLanguageVideo, BITVExplanation, AccessibilityFeedback):
    policy_registry.register(_model, SiteScopedPermissionPolicy(_model))


class SignLanguageVideoCreateView(CreateView):
    """Coming from a page's "Sign language video" button, the page is already chosen."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance()
        page_id = self.request.GET.get("page", "")
        page = Page.objects.filter(pk=int(page_id)).first() if page_id.isdigit() else None
        if page is not None:
            instance = instance or self.model()
            instance.page = page
        return instance


class SignLanguageVideoViewSet(SiteScopedSnippetViewSet):
    """Videos are attached here (and from the page's "Sign language video" button) rather
    than in each page type's panels: one place per network, no migration of page models."""

    model = SignLanguageVideo
    icon = "media"
    menu_label = _("Sign language videos")
    list_display = ["page", "video", "site", "updated_at"]
    search_fields = []
    add_view_class = SignLanguageVideoCreateView


class BITVExplanationViewSet(SiteScopedSnippetViewSet):
    model = BITVExplanation
    icon = "help"
    menu_label = _("BITV explanations")
    list_display = ["site"]
    search_fields = []


class AccessibilityFeedbackViewSet(SiteScopedSnippetViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    list_display = ["created_at", "message", "email", "mailed", "site"]
    list_filter = ["site", "mailed"]
    inspect_view_enabled = True
    search_fields = []


class AccessibilityGroup(SnippetViewSetGroup):
    menu_label = _("Accessibility")
    menu_icon = "help"
    menu_order = 260
    items = (SignLanguageVideoViewSet, BITVExplanationViewSet, AccessibilityFeedbackViewSet)


register_snippet(AccessibilityGroup)


@hooks.register("register_page_header_buttons")
def sign_language_video_button(page, user, view_name, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return
    existing = SignLanguageVideo.objects.filter(page=page).only("pk").first()
    if existing:
        url = reverse("wagtailsnippets_signlanguage_signlanguagevideo:edit", args=[existing.pk])
    else:
        url = reverse("wagtailsnippets_signlanguage_signlanguagevideo:add") + f"?page={page.pk}"
    yield Button(_("Sign language video"), url, icon_name="media", priority=70)
