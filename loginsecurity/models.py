from django.db import models
from django.utils.translation import gettext_lazy as _


class TwoFactorPolicy(models.Model):
    """Holds the permission "must log in with a second factor", so administrators grant it per
    editor group in Wagtail's group editor (superusers have every permission, so they always
    need a second factor). No table: the policy is the permission, not a row."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("require_two_factor", _("Must log in with a second factor (passkey or authenticator app)"))]
        verbose_name = _("two-factor policy")


class PasskeyScope(models.Model):
    """Where a passkey or security key works: the relying-party id it was registered for.

    The browser binds a passkey to one relying-party id, the host name the editor enrolled on
    (``altona.example.org``) or the parent domain set as ``WEBAUTHN_RP_ID``. Stored beside
    django-otp-webauthn's credential so the login offers only the passkeys that can work on
    the host it is shown on, and the security page says where each one works."""

    credential = models.OneToOneField(
        "django_otp_webauthn.WebAuthnCredential",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="passkey_scope",
        verbose_name=_("passkey"),
    )
    rp_id = models.CharField(_("valid for"), max_length=253)

    class Meta:
        verbose_name = _("passkey scope")
        verbose_name_plural = _("passkey scopes")

    def __str__(self):
        return self.rp_id
