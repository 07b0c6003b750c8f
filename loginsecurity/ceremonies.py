"""The four WebAuthn endpoints the browser script talks to (django-otp-webauthn's views), with
our answers: German messages, recovery codes after a first passkey, and the admin as the place
to go after verifying."""

import json
import logging

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp_webauthn import exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from .recovery import has_recovery_codes

logger = logging.getLogger("loginsecurity.passkeys")

NEW_RECOVERY_CODES_DUE = "loginsecurity_recovery_codes_due"


# What the browser script shows for the library's refusals (by their code), in our words.
MESSAGES = {
    "user_not_verified": gettext_lazy(
        "Confirm this login with your existing second factor first, then add the new passkey."
    ),
    "credential_user_mismatch": gettext_lazy("This passkey belongs to another account."),
    "credential_not_found": gettext_lazy("This passkey is not registered for your account (any more)."),
    "credential_disabled": gettext_lazy("This passkey is switched off."),
    "user_disabled": gettext_lazy("This account is switched off."),
    "invalid_state": gettext_lazy("This request has expired. Please try again."),
    "passwordless_login_disabled": gettext_lazy("Log in with your password first."),
    "not_authenticated": gettext_lazy("Log in with your password first."),
    "malformed_request": gettext_lazy("The browser sent an answer we cannot read. Please try again."),
}


class GermanErrorsMixin:
    """The library's JSON errors, with a message a person can act on. Input the library does not
    expect (odd JSON, lone surrogates) is a 422, never a 500."""

    failure_message = ""

    def handle_exception(self, exc):
        if isinstance(exc, ValueError | TypeError | KeyError | UnicodeError):
            logger.warning("passkey request refused: %s", type(exc).__name__)
            exc = exceptions.UnprocessableEntity(code="invalid_request")
        if isinstance(exc, exceptions.UnprocessableEntity):
            # a refused answer is the client's doing: a warning with py_webauthn's reason, no traceback
            logger.warning("passkey answer refused (%s): %s", exc.code, exc.__cause__ or exc)
            exc = exceptions.UnprocessableEntity(detail=self.failure_message, code=exc.code)
        elif isinstance(exc, exceptions.OTPWebAuthnApiError) and exc.code in MESSAGES:
            exc.detail = MESSAGES[exc.code]
        return super().handle_exception(exc)


class BeginRegistration(GermanErrorsMixin, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(GermanErrorsMixin, CompleteCredentialRegistrationView):
    """Saves the new passkey; an editor without recovery codes is sent to get them next."""

    @property
    def failure_message(self):
        return _("This passkey could not be checked. Please try again, or use another passkey or security key.")

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        data = json.loads(response.content)
        data["recovery_codes_due"] = not has_recovery_codes(self.request.user)
        if data["recovery_codes_due"]:
            self.request.session[NEW_RECOVERY_CODES_DUE] = True
        return JsonResponse(data, status=response.status_code)


class BeginAuthentication(GermanErrorsMixin, BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(GermanErrorsMixin, CompleteCredentialAuthenticationView):
    """Marks the session as verified by this passkey and names the admin page to go to."""

    @property
    def failure_message(self):
        return _("This passkey was not accepted. Please try again, or use a code.")

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")
