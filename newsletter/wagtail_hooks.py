"""Admin: newsletter issues and subscribers as snippets (scoped to the editor's own
networks), the send page, import/export and DSGVO buttons."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSetGroup

from home.wagtail_hooks import SiteScopedSnippetViewSet

from . import admin_views, issue_report
from .models import NewsletterIssue, Subscriber
from .permissions import issue_policy, subscriber_policy


def empty_autosaved_draft_ids(queryset):
    """Issues that are only an abandoned "new issue" form: never published, never sent, and
    without a single block in the row or the latest revision (Wagtail's autosave creates the
    row as soon as the editor types a subject)."""
    empty = []
    drafts = queryset.filter(live=False, send_status=NewsletterIssue.SendStatus.DRAFT).select_related("latest_revision")
    for issue in drafts:
        revision_body = issue.latest_revision.content.get("body") if issue.latest_revision else None
        if not len(issue.body) and revision_body in (None, "", "[]", []):
            empty.append(issue.pk)
    return empty


def issue_state_label(issue):
    return issue_report.issue_state(issue).label


class NewsletterIssueEditView(EditView):
    """A "Send" button in the issue's own header once it is published (the send page then
    asks for confirmation, naming the recipient count); after sending, the progress and the
    report. Translations go out with their German issue and get neither."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        issue = self.object
        if not issue.is_source_issue:
            return buttons
        user = self.request.user
        if issue.send_status == NewsletterIssue.SendStatus.DRAFT:
            if issue.live and issue_policy().user_has_permission_for_instance(user, "change", issue):
                buttons.append(
                    HeaderButton(_("Send"), reverse("newsletter_send", args=[issue.pk]), icon_name="mail", priority=5)
                )
            return buttons
        if issue_policy().user_has_permission_for_instance(user, "change", issue):
            buttons.append(
                HeaderButton(
                    _("Send / progress"), reverse("newsletter_send", args=[issue.pk]), icon_name="mail", priority=5
                )
            )
        buttons.append(
            HeaderButton(_("Report"), reverse("newsletter_report", args=[issue.pk]), icon_name="list-ul", priority=6)
        )
        return buttons


class NewsletterIssueViewSet(SiteScopedSnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    edit_view_class = NewsletterIssueEditView
    list_display = [
        "subject",
        "site",
        Column("state", label=_("Status"), accessor=issue_state_label),
        DateColumn("send_finished_at", label=_("Sent")),
        "created_at",
    ]
    list_filter = ["site", "send_status"]
    search_fields = ["subject"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.exclude(pk__in=empty_autosaved_draft_ids(queryset))


class SubscriberIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(_("Import / export CSV"), url=reverse("newsletter_import"), icon_name="upload", priority=50)
        )
        return buttons


class SubscriberEditView(EditView):
    """DSGVO export and erase as buttons in the subscriber's own header, where an editor
    answering a request looks, not only in the listing's "…" menu. Erase leads to a
    confirmation page that says what is kept."""

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        policy = subscriber_policy()
        if policy.user_has_permission_for_instance(self.request.user, "view", self.object):
            buttons.append(
                HeaderButton(
                    _("Export data (JSON)"),
                    reverse("newsletter_subscriber_export", args=[self.object.pk]),
                    icon_name="download",
                    priority=50,
                )
            )
        if policy.user_has_permission_for_instance(self.request.user, "delete", self.object):
            buttons.append(
                HeaderButton(
                    _("Erase (DSGVO)"),
                    reverse("newsletter_subscriber_erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=60,
                )
            )
        return buttons


class SubscriberViewSet(SiteScopedSnippetViewSet):
    model = Subscriber
    icon = "user"
    index_view_class = SubscriberIndexView
    edit_view_class = SubscriberEditView
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
        path("newsletter/issues/<int:issue_id>/report/", admin_views.report_view, name="newsletter_report"),
        path(
            "newsletter/issues/<int:issue_id>/failures.csv", admin_views.report_csv_view, name="newsletter_report_csv"
        ),
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
    if (
        isinstance(snippet, NewsletterIssue)
        and snippet.is_source_issue  # a translation goes out with its German issue
        and issue_policy().user_has_permission_for_instance(user, "change", snippet)
    ):
        yield Button(_("Send / progress"), reverse("newsletter_send", args=[snippet.pk]), icon_name="mail", priority=5)
    if (
        isinstance(snippet, NewsletterIssue)
        and snippet.send_status != NewsletterIssue.SendStatus.DRAFT
        and issue_policy().user_has_permission_for_instance(user, "view", snippet)
    ):
        yield Button(_("Report"), reverse("newsletter_report", args=[snippet.pk]), icon_name="list-ul", priority=6)
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


# Page types only the newsletter's page-list blocks choose; an issue can only send live pages.
LIVE_ONLY_CHOOSER_TYPES = {"home.newspage", "home.eventpage", "home.meetingpage"}


@hooks.register("construct_page_chooser_queryset")
def newsletter_choosers_offer_live_pages(pages, request):
    """The issue editor's choosers for news, events and meetings offer live pages only (a
    draft would stop the send); pages with children stay, to navigate through."""
    requested = {name.strip().lower() for name in request.GET.get("page_type", "").split(",") if name.strip()}
    if requested and requested <= LIVE_ONLY_CHOOSER_TYPES:
        return pages.exclude(live=False, numchild=0)
    return pages
