from django.db import models
from django.utils.translation import gettext_lazy as _


class TwoFactorPolicy(models.Model):
    """Holds the permission "must log in with a second factor", so administrators grant it per
    editor group in Wagtail's group editor (superusers have every permission, so they always
    need a second factor). No table: the policy is the permission, not a row."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("require_two_factor", _("Must log in with a second factor (authenticator app)"))]
        verbose_name = _("two-factor policy")
