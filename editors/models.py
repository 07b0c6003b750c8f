from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import APIToken


class TokenLimits(models.Model):
    """What Wagtail's API token does not know: an optional expiry and a read-only flag, so an
    editor can hand a city portal a token that can only read, or only for a while. The token
    acts as its owner, so it reaches only the owner's networks."""

    token = models.OneToOneField(APIToken, verbose_name=_("API token"), on_delete=models.CASCADE, related_name="limits")
    read_only = models.BooleanField(_("read only"), default=False)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token limits")
        verbose_name_plural = _("API token limits")

    def __str__(self):
        return str(self.token)

    @property
    def expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()
