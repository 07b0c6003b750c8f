"""Passkeys and security keys (WebAuthn) as a second factor, through django-otp-webauthn.

What this module decides for the library: the relying-party id (the host the editor is on, or
the parent domain ``WEBAUTHN_RP_ID`` when the host lies below it), the origin the browser must
report (the request's own unless ``WEBAUTHN_ALLOWED_ORIGINS`` fixes a list), where each passkey
works (``PasskeyScope``), and which of an editor's passkeys the login offers on this host.
"""

import ipaddress

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.http.request import split_domain_port
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential, as_credential_descriptors
from wagtail.models import Site

from .models import PasskeyScope

SECURITY_KEY_TRANSPORTS = {"usb", "nfc", "ble"}


def request_hostname(request):
    """The host name the browser asked for, without port (validated by ALLOWED_HOSTS)."""
    host, _port = split_domain_port(request.get_host())
    return host.lower()


def request_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def relying_party_id(request):
    """The parent domain WEBAUTHN_RP_ID when the host is it or lies below it, else the host.

    A browser accepts as relying-party id only the host itself or a domain it lies below, so a
    host outside WEBAUTHN_RP_ID (another network's own domain) keeps its own passkeys."""
    host = request_hostname(request)
    parent = settings.OTP_WEBAUTHN_RP_ID
    if parent and (host == parent or host.endswith("." + parent)):
        return parent
    return host


def relying_party_name(request):
    """What the browser shows when it asks to create a passkey: the network's name when the
    passkey is for its host alone, the product's name when it spans several networks."""
    host = request_hostname(request)
    if relying_party_id(request) == host:
        site = Site.objects.filter(hostname=host).exclude(site_name="").first()
        if site is not None:
            return site.site_name
    return settings.OTP_WEBAUTHN_RP_NAME


def unavailable_reason(request):
    """Why a browser cannot use passkeys on this address, or "" if it can."""
    host = request_hostname(request).strip("[]")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return _(
            "Passkeys need the address with the network's name (for example altona.example.org), not an IP address."
        )
    if not request.is_secure() and host != "localhost" and not host.endswith(".localhost"):
        return _("Passkeys work only over an encrypted connection (HTTPS).")
    return ""


def passkeys_of(user):
    """All passkeys and security keys of an editor, with where each works, newest first."""
    return (
        WebAuthnCredential.objects.filter(user=user, confirmed=True)
        .select_related("passkey_scope")
        .order_by("-created_at", "-pk")
    )


def usable_here(queryset, rp_id):
    """Those that can work for this relying-party id (a passkey of unknown scope may)."""
    return queryset.filter(Q(passkey_scope__isnull=True) | Q(passkey_scope__rp_id=rp_id))


def passkeys_usable_here(user, request):
    return usable_here(passkeys_of(user), relying_party_id(request))


def scope_of(credential):
    try:
        return credential.passkey_scope.rp_id
    except PasskeyScope.DoesNotExist:
        return ""


def default_name(transports):
    """ "Passkey vom 3.12.2026" or "Sicherheitsschlüssel vom …", which the editor may rename."""
    kind = _("Security key") if SECURITY_KEY_TRANSPORTS & set(transports or ()) else _("Passkey")
    day = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    return _("%(kind)s from %(day)s") % {"kind": kind, "day": day}


class PasskeyHelper(WebAuthnHelper):
    """django-otp-webauthn's ceremonies with our relying party, origins and scopes."""

    def get_allowed_origins(self):
        return list(super().get_allowed_origins()) or [request_origin(self.request)]

    def create_credential(self, user, response, parsed_credential, original_data):
        credential = super().create_credential(user, response, parsed_credential, original_data)
        credential.name = default_name(credential.transports)[: WebAuthnCredential._meta.get_field("name").max_length]
        return credential

    def register_complete(self, user, state, data):
        with transaction.atomic():
            credential = super().register_complete(user=user, state=state, data=data)
            PasskeyScope.objects.create(credential=credential, rp_id=self.get_relying_party_domain())
        return credential

    def get_generate_authentication_options_kwargs(self, *, user=None, require_user_verification):
        kwargs = super().get_generate_authentication_options_kwargs(
            user=user, require_user_verification=require_user_verification
        )
        if user is not None:
            usable = usable_here(WebAuthnCredential.objects.filter(user=user), self.get_relying_party_domain())
            kwargs["allow_credentials"] = as_credential_descriptors(
                usable.order_by(F("last_used_at").desc(nulls_last=True), "-created_at")  # offered first: last used
            )
        return kwargs
