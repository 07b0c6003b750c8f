"""What the accessibility app stores: which page is the Leichte Sprache version of which,
the checker's findings per revision, the built variants (audio, PDF, report) per page, each
site's Leichte Sprache settings and the workflow step of the target group's review."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, TaskState


class LeichteSpracheLink(models.Model):
    """Connects a page to the page that is its Leichte Sprache (easy German) version.

    Why linked pages and not a wagtail-localize locale: Wagtail locales are kept for real
    languages (English, Turkish, Arabic … are translations of the same page, synchronised
    field by field). Leichte Sprache is not a language code, and a Leichte Sprache page is
    not a sentence-by-sentence translation: it explains fewer things in more, shorter
    sentences, often with another structure (a start page becomes one plain page). So the
    variant is an ordinary page of the same site that editors write freely; this row links
    the two in both directions (``page.leichte_sprache_link.variant`` and
    ``variant.leichte_sprache_source.page``), and needs no new column on the page models.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="leichte_sprache_link",
    )
    variant = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache version"),
        on_delete=models.CASCADE,
        related_name="leichte_sprache_source",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("Leichte Sprache link")
        verbose_name_plural = _("Leichte Sprache links")

    def __str__(self):
        return f"{self.page} → {self.variant}"

    def clean(self):
        if self.page_id and self.page_id == self.variant_id:
            raise ValidationError(_("A page cannot be its own Leichte Sprache version."))
        if self.page_id and self.variant_id:
            if LeichteSpracheLink.objects.filter(page_id=self.variant_id).exists():
                raise ValidationError(_("This page has a Leichte Sprache version itself."))
            if LeichteSpracheLink.objects.filter(variant_id=self.page_id).exists():
                raise ValidationError(_("This page is already a Leichte Sprache version."))
            if self.page.get_site() != self.variant.get_site():
                raise ValidationError(_("Page and Leichte Sprache version must belong to the same site."))


class LeichteSpracheCheck(models.Model):
    """The checker's result for one revision of a Leichte Sprache page: kept per revision so
    editors see what changed between drafts, and so the API serves the findings of exactly the
    text that was published. ``text`` is the checked text; the spans point into it."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="leichte_sprache_check"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="leichte_sprache_checks")
    text = models.TextField(blank=True)
    findings = models.JSONField(default=list, blank=True)
    scores = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Leichte Sprache check")
        ordering = ["-revision_id"]

    def to_dict(self):
        return {
            "revision": self.revision_id,
            "findings": self.findings,
            "scores": self.scores,
            "error": self.error or None,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
        }


class PageVariant(models.Model):
    """One built variant of a page (read-aloud audio, PDF, Leichte Sprache report), with the
    hash of the text it was built from. Only a ``current`` variant is ever offered to readers;
    a new text makes the old file ``stale`` until the rebuild is done, a failed build keeps
    its error for the admin."""

    class Kind(models.TextChoices):
        AUDIO = "audio", _("Read-aloud audio")
        PDF = "pdf", _("PDF")
        LEICHTE_SPRACHE_REPORT = "leichte_sprache_report", _("Leichte Sprache report")

    class Status(models.TextChoices):
        BUILDING = "building", _("building")
        CURRENT = "current", _("up to date")
        FAILED = "failed", _("failed")
        STALE = "stale", _("stale")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="variants")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.BUILDING)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    file = models.FileField(_("file"), upload_to="variants/", blank=True, max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    duration_seconds = models.FloatField(_("duration in seconds"), null=True, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveIntegerField(default=0)
    build_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page variant")
        verbose_name_plural = _("page variants")
        constraints = [models.UniqueConstraint(fields=["page", "kind"], name="unique_variant_per_page_kind")]

    def __str__(self):
        return f"{self.page_id} {self.kind} ({self.status})"

    @property
    def is_current(self):
        return self.status == self.Status.CURRENT and bool(self.file or self.data)


@register_setting(icon="help")
class LeichteSpracheSettings(BaseSiteSetting):
    """How a network writes Leichte Sprache: the separator its long compounds use (Mediopunkt
    after Netzwerk Leichte Sprache/Duden, or hyphen after Inclusion Europe) and its glossary
    (one word per concept), both used by the checker's suggestions."""

    class Separator(models.TextChoices):
        MEDIOPUNKT = "\u00b7", _("Mediopunkt (Handlungs·strategien)")
        HYPHEN = "-", _("Hyphen (Handlungs-Strategien)")

    separator = models.CharField(
        _("compound separator"), max_length=1, choices=Separator.choices, default=Separator.MEDIOPUNKT
    )
    glossary = models.TextField(
        _("glossary"),
        blank=True,
        help_text=_(
            'One concept per line: the preferred word, "=", then the words not to use, separated '
            'by "|". Example: Treffen = Sitzung | Versammlung'
        ),
    )

    class Meta:
        verbose_name = _("Leichte Sprache")

    def glossary_dict(self):
        result = {}
        for line in self.glossary.splitlines():
            preferred, sep, variants = line.partition("=")
            preferred = preferred.strip()
            variants = [v.strip() for v in variants.split("|") if v.strip()]
            if sep and preferred and variants:
                result[preferred] = "|".join(variants)
        return result


class TargetGroupReviewTask(AbstractGroupApprovalTask):
    """Workflow step "checked by readers of the target group" (Prüfung durch die Prüfgruppe).

    The checker finds what software can find; only people with learning difficulties can say
    whether a text is easy to understand. A Leichte Sprache page counts as reviewed only when a
    member of the chosen groups approved this step after the readers read the text, never
    because the checker found nothing."""

    instructions = models.TextField(
        _("instructions"),
        blank=True,
        default=_("Let readers of the target group read the text. Approve only if they understood it."),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["instructions"]

    class Meta:
        verbose_name = _("Review by readers of the target group")
        verbose_name_plural = _("Reviews by readers of the target group")

    @classmethod
    def get_description(cls):
        return _("Readers of the target group check a Leichte Sprache text; the software never claims this.")

    @staticmethod
    def approved_for(page):
        """Whether a review of this task type was approved for a revision of ``page``."""
        return TaskState.objects.filter(
            task__in=TargetGroupReviewTask.objects.all(),
            status=TaskState.STATUS_APPROVED,
            revision__object_id=str(page.pk),
        ).exists()
