"""Admin: newsletter issues and subscribers as snippets (scoped to the editor's own
networks), the send page, import/export and DSGVO buttons."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from home.wagtail_hooks import SiteScopedSnippetViewSet

from . import admin_views
from .models import NewsletterIssue, Subscriber
from .permissions import issue_policy, subscriber_policy


class NewsletterIssueViewSet(SiteScopedSnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    list_display = ["subject", "site", "send_status", "created_at"]
    list_filter = ["site", "send_status"]
    search_fields = ["subject"]


class SubscriberIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(_("Import / export CSV"), url=reverse("newsletter_import"), icon_name="upload", priority=50)
        )
        return buttons


class SubscriberViewSet(SiteScopedSnippetViewSet):
    model = Subscriber
    icon = "user"
    index_view_class = SubscriberIndexView
    list_display = ["email", "name", "status", "edition", "language", "consent_at", "site"]
    list_filter = ["site", "status", "edition", "language", "consent_source", "topics"]
    search_fields = ["email", "name"]
    list_export = [
        "email",
        "name",
        "status",
        "edition",
        "language",
        "consent_at",
        "consent_source",
        "consent_text_version",
    ]


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 260
    items = (NewsletterIssueViewSet, SubscriberViewSet)


register_snippet(NewsletterGroup)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("newsletter/issues/<int:issue_id>/send/", admin_views.send_view, name="newsletter_send"),
        path("newsletter/issues/<int:issue_id>/preview/", admin_views.preview_view, name="newsletter_preview"),
        path("newsletter/issues/<int:issue_id>/progress.json", admin_views.progress_view, name="newsletter_progress"),
        path("newsletter/subscribers/import/", admin_views.import_view, name="newsletter_import"),
        path("newsletter/subscribers/export/<int:site_id>.csv", admin_views.export_view, name="newsletter_export"),
        path(
            "newsletter/subscribers/<int:subscriber_id>/export.json",
            admin_views.subscriber_export_view,
            name="newsletter_subscriber_export",
        ),
        path(
            "newsletter/subscribers/<int:subscriber_id>/erase/",
            admin_views.subscriber_erase_view,
            name="newsletter_subscriber_erase",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def newsletter_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue) and issue_policy().user_has_permission_for_instance(
        user, "change", snippet
    ):
        yield Button(_("Send / progress"), reverse("newsletter_send", args=[snippet.pk]), icon_name="mail", priority=5)
    if isinstance(snippet, Subscriber):
        if subscriber_policy().user_has_permission_for_instance(user, "view", snippet):
            yield Button(
                _("Export data (JSON)"),
                reverse("newsletter_subscriber_export", args=[snippet.pk]),
                icon_name="download",
                priority=50,
            )
        if subscriber_policy().user_has_permission_for_instance(user, "delete", snippet):
            yield Button(
                _("Erase (DSGVO)"),
                reverse("newsletter_subscriber_erase", args=[snippet.pk]),
                icon_name="bin",
                priority=60,
            )
