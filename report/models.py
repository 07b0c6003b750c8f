"""Yearly reports (Jahresbericht) of a network as PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def report_path(instance, filename):
    return f"reports/{instance.site_id}/{instance.pk}/{filename}"


class YearlyReport(models.Model):
    """One compiled yearly report of a network: the meetings held and their results, the
    projects, events and newsletter issues of a year, as a PDF the office can download
    instead of writing it by hand. Built by a Celery worker; the row tracks its progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        BUILDING = "building", _("being built")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="yearly_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("PDF"), upload_to=report_path, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("requested"), auto_now_add=True)
    finished = models.DateTimeField(pgettext_lazy("yearly report", "finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.site.site_name} {self.year}"

    @property
    def download_name(self):
        """The file name editors get, whatever name the storage chose."""
        return f"jahresbericht-{self.site.hostname.split('.')[0]}-{self.year}.pdf"
