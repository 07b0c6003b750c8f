"""Newsletter data: who subscribed (with their consent), how each site sends, the issues
editors compose and one Delivery row per mail sent."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from home.permissions import SiteOwnedForm

from .admin_forms import SubscriberAdminForm
from .blocks import IssueBlock


def normalise_email(address):
    """One spelling per mailbox: trimmed and lower-cased (providers treat local parts
    case-insensitively in practice; two rows for Anna@ and anna@ would mean two mails)."""
    return (address or "").strip().lower()


class Edition(models.TextChoices):
    STANDARD = "standard", _("standard")
    LEICHTE_SPRACHE = "leichte_sprache", _("Leichte Sprache")


class Subscriber(models.Model):
    """A person who receives a network's newsletter, with the consent record DSGVO Art. 7
    asks for (when, from where, which consent text) and their choices (topics, edition)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending confirmation")
        ACTIVE = "active", _("active")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("bounced")
        COMPLAINED = "complained", _("complained")

    class ConsentSource(models.TextChoices):
        FORM = "form", _("form")
        IMPORT = "import", _("import")
        API = "api", _("API")
        ADMIN = "admin", _("added in the admin")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="newsletter_subscribers"
    )
    email = models.EmailField(_("email address"), max_length=254)
    name = models.CharField(_("name"), max_length=150, blank=True)
    # choices live in the forms (settings.LANGUAGES), so adding a language needs no migration
    language = models.CharField(_("language"), max_length=10, default="de")
    edition = models.CharField(_("edition"), max_length=20, choices=Edition.choices, default=Edition.STANDARD)
    topics = models.ManyToManyField(
        "home.ActionFieldPage",
        verbose_name=_("topics"),
        blank=True,
        related_name="newsletter_subscribers",
        help_text=_("Action fields the subscriber wants to hear about; none means everything."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_source = models.CharField(_("consent source"), max_length=10, choices=ConsentSource.choices, blank=True)
    consent_text_version = models.CharField(_("consent text version"), max_length=50, blank=True)
    consent_ip = models.GenericIPAddressField(_("consent IP address"), null=True, blank=True)
    consent_note = models.TextField(
        _("consent note"),
        blank=True,
        help_text=_("For a consent recorded in the admin: where and when the person agreed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    base_form_class = SubscriberAdminForm
    panels = [
        FieldPanel("site"),
        FieldPanel("email"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)), FieldPanel("edition")]),
        FieldPanel("topics"),
        FieldPanel("added_how"),
        FieldPanel("admin_consent_note"),
        FieldPanel("status", read_only=True),
        MultiFieldPanel(
            [
                FieldPanel("consent_at", read_only=True),
                FieldPanel("consent_note", read_only=True),
                FieldPanel("consent_source", read_only=True),
                FieldPanel("consent_text_version", read_only=True),
                FieldPanel("consent_ip", read_only=True),
            ],
            heading=_("Consent"),
        ),
    ]

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(fields=["site", "email"], name="newsletter_subscriber_unique_email_per_site")
        ]
        indexes = [models.Index(fields=["site", "status"])]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def validate_unique(self, exclude=None):
        self.email = normalise_email(self.email)
        super().validate_unique(exclude)

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class DigestFrequency(models.TextChoices):
    OFF = "", _("no automatic digest")
    WEEKLY = "weekly", _("weekly")
    MONTHLY = "monthly", _("monthly")


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """How a network sends: sender, pace, the digest schedule, the consent text shown on the
    form. Per site because every network is its own sender with its own rhythm."""

    class DigestMode(models.TextChoices):
        REVIEW = "review", _("compose a draft for review")
        AUTOMATIC = "automatic", _("compose and send automatically")

    sender_name = models.CharField(_("sender name"), max_length=100, blank=True)
    sender_email = models.EmailField(_("sender address"), blank=True)
    reply_to = models.EmailField(_("reply-to address"), blank=True)
    rate_limit_per_minute = models.PositiveIntegerField(
        _("mails per minute"), default=0, help_text=_("0 means as fast as the mail server accepts.")
    )
    digest_frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.OFF, blank=True
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        default=1,
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    digest_ordinal = models.PositiveSmallIntegerField(
        _("which one in the month"),
        default=1,
        choices=[(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (5, _("last"))],
        help_text=_("Monthly digests only, e.g. the first Tuesday."),
    )
    digest_time = models.TimeField(_("time"), default="08:00")
    digest_mode = models.CharField(
        _("after composing"), max_length=10, choices=DigestMode.choices, default=DigestMode.REVIEW
    )
    last_digest_at = models.DateTimeField(_("last digest composed"), null=True, blank=True, editable=False)
    store_consent_ip = models.BooleanField(
        _("store the IP address with the consent"),
        default=False,
        help_text=_("Only if your data protection officer asks for it."),
    )
    consent_text = models.TextField(
        _("consent text"),
        blank=True,
        default="Ja, ich möchte den Newsletter per E-Mail erhalten. Ich kann mich jederzeit mit einem Klick abmelden.",
    )
    consent_text_version = models.CharField(_("consent text version"), max_length=50, default="1")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("sender_name"),
                FieldPanel("sender_email"),
                FieldPanel("reply_to"),
                FieldPanel("rate_limit_per_minute"),
            ],
            heading=_("Sending"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("digest_frequency"),
                FieldRowPanel([FieldPanel("digest_ordinal"), FieldPanel("digest_weekday"), FieldPanel("digest_time")]),
                FieldPanel("digest_mode"),
            ],
            heading=_("Digest schedule"),
        ),
        MultiFieldPanel(
            [FieldPanel("consent_text"), FieldPanel("consent_text_version"), FieldPanel("store_consent_ip")],
            heading=_("Consent"),
        ),
    ]

    class Meta:
        verbose_name = _("newsletter settings")

    def sender_problem(self):
        """Why this network cannot send yet (a sentence for the editor), or "" when it can.

        Every network sends under its own name and domain: the domain also names the
        Message-IDs, the List-Unsubscribe mailto and the bounce address, so a missing sender
        would make mails look like ``noreply@localhost`` and lose every bounce."""
        domain = (self.sender_email or "").rpartition("@")[2]
        if not (self.sender_name or "").strip() or not domain:
            return _(
                "Before the first send, enter a sender name and a sender address for %(site)s under "
                "Settings → Newsletter settings."
            ) % {"site": self.site.site_name or self.site.hostname}
        if "." not in domain:
            return _(
                "The sender address %(address)s has no public domain: enter an address of your network's "
                "domain under Settings → Newsletter settings."
            ) % {"address": self.sender_email}
        return ""

    def sender_domain(self):
        return (self.sender_email or "").rpartition("@")[2] or "localhost"

    def from_header(self):
        from email.utils import formataddr

        address = self.sender_email or settings.DEFAULT_FROM_EMAIL
        if "<" in address:
            return address
        return formataddr((self.sender_name or self.site.site_name, address))


class NewsletterIssue(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """One issue (Ausgabe) of a network's newsletter.

    A snippet rather than a page: an issue belongs to a site and is *sent*, it is not a
    place in the site's page tree (the public archive lists it on its own). Snippets with
    RevisionMixin/DraftStateMixin still give editors revisions, drafts and "publish" (= ready
    to send), and PreviewableMixin gives the preview panel with desktop/mobile widths.
    """

    class SendStatus(models.TextChoices):
        DRAFT = "draft", _("not sent")
        SENDING = "sending", _("sending")
        PAUSED = "paused", _("paused")
        CANCELLED = "cancelled", _("cancelled")
        SENT = "sent", _("sent")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="newsletter_issues"
    )
    subject = models.CharField(_("subject"), max_length=200)
    preheader = models.CharField(
        _("preheader"), max_length=200, blank=True, help_text=_("The line mail programs show after the subject.")
    )
    body = StreamField(IssueBlock(), verbose_name=_("content"), blank=True)
    is_digest = models.BooleanField(_("digest"), default=False, editable=False)
    send_status = models.CharField(
        _("send status"), max_length=20, choices=SendStatus.choices, default=SendStatus.DRAFT, editable=False
    )
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True, editable=False)
    send_finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True, editable=False)
    # While the recipient snapshot is still being written (the first rows are committed at once so
    # the first mails go out while the rest is inserted): subscribers with a larger id still need
    # their delivery row. NULL once the snapshot is complete; the issue cannot count as sent before.
    snapshot_after = models.BigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="newsletter_issue")

    base_form_class = SiteOwnedForm
    panels = [FieldPanel("site"), FieldPanel("subject"), FieldPanel("preheader"), FieldPanel("body")]
    search_fields = [
        index.SearchField("subject"),
        index.AutocompleteField("subject"),  # the chooser finds "Newsletter Dezember" from "Dez"
        index.FilterField("site_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args, **kwargs):
        if not self.is_source_issue:
            # wagtail-localize copies the German issue, send state included: a translation is
            # never sent on its own, so it never looks sent (archive, report, dashboard)
            self.send_status = self.SendStatus.DRAFT
            self.send_started_at = self.send_finished_at = None
        super().save(*args, **kwargs)

    @property
    def is_source_issue(self):
        """True for the issue editors send (German); False for its translations, which go out
        with it to subscribers who chose their language (``message.issue_in_language``)."""
        return self.locale_id is None or self.locale_id == Locale.get_default().pk

    def clean(self):
        super().clean()
        if self.site_id is None:
            return
        from .rendering import RenderError, validate_issue

        try:
            validate_issue(self)
        except RenderError as exc:
            raise ValidationError(str(exc)) from exc

    # Preview: the mail as subscribers see it (the panel switches desktop/mobile width).
    preview_modes = [
        ("", _("Mail (standard)")),
        ("leichte_sprache", _("Mail (Leichte Sprache)")),
        ("text", _("Plain text")),
    ]

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from .rendering import RenderError, personalise_preview, render_issue

        try:
            rendered = render_issue(self, edition=mode_name if mode_name == "leichte_sprache" else "standard")
        except RenderError as exc:
            return HttpResponse(f"<p style='color:#b00'>{exc}</p>", status=200)
        if mode_name == "text":
            return HttpResponse(personalise_preview(rendered.text), content_type="text/plain; charset=utf-8")
        return HttpResponse(personalise_preview(rendered.html))


class Delivery(models.Model):
    """One mail of one issue to one subscriber: the per-recipient record that makes sending
    crash-safe (claim, lease, result) and from which the issue's progress and report follow."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SUPPRESSED = "suppressed", _("suppressed")
        CANCELLED = "cancelled", _("cancelled")

    # No index of its own: the unique constraint (issue, subscriber) serves lookups by issue, and
    # every index costs the snapshot and each result write. No database constraint either (see
    # ``subscriber``): deleting an issue goes through Django (CASCADE) and waits for a running
    # snapshot step of its site, which holds the issue row locked.
    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries", db_index=False, db_constraint=False
    )
    # No database constraint: checking it at commit cost the snapshot a lock on every subscriber
    # row (with the issue's, more than half of a 100,000-row snapshot). Rows are only inserted from the subscriber table in
    # the same statement; deleting a subscriber goes through Django (SET_NULL) and waits for a
    # running snapshot step of its site (``snapshot.snapshot_lock``), so no row is left behind.
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
        db_constraint=False,
    )
    address = models.CharField(_("address used"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    lease_until = models.DateTimeField(null=True, blank=True)
    # The owner of the current claim: every result write, lease extension and send of a worker
    # names it, so a worker whose lease ran out can neither send nor record a row it lost.
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once_per_subscriber")
        ]
        indexes = [
            # Workers claim open rows in id order: this index hands them over without a sort
            # and stays small as the send progresses.
            models.Index(
                fields=["issue", "id"],
                condition=models.Q(status__in=["pending", "sending"]),
                name="newsletter_delivery_open",
            ),
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.address or '(erased)'}: {self.status}"
