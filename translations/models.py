"""Readers' requests for a translation of a page ("Ich wünsche eine Übersetzung in …").

No personal data: only which page, which language and when. Editors see per network which
translations are asked for most and translate those first (with wagtail-localize).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRequest(models.Model):
    """One reader asked for ``page`` in ``language``. Counted in the admin report per network."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="translation_requests"
    )
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        indexes = [models.Index(fields=["site", "language"])]

    def __str__(self):
        return f"{self.page_id} → {self.language}"
