"""Form submissions in the admin: each network's editors see only their network's."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from home.wagtail_hooks import SiteScopedSnippetViewSet

from .models import FormSubmission


class FormSubmissionViewSet(SiteScopedSnippetViewSet):
    model = FormSubmission
    icon = "form"
    menu_label = _("Form submissions")
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind",
        "join_as",
        "name",
        "organisation",
        "email",
        "phone",
        "action_fields",
        "message",
        "consent_text",
        "created",
        "mailed_at",
        "mail_error",
        "site",
        "page",
    ]
    list_display = ["name", "kind", "organisation", "email", "created", "mailed_at", "site"]
    list_filter = ["site", "kind"]
    search_fields = ["name", "organisation", "email", "message"]
    list_export = ["created", "kind", "join_as", "name", "organisation", "email", "phone", "message", "site"]


register_snippet(FormSubmissionViewSet)
