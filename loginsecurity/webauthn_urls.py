"""django-otp-webauthn's URL names (its script and template tag reverse them), served by our
views and with our translations of its script's messages."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog

from . import ceremonies

app_name = "otp_webauthn"
urlpatterns = [
    path("registrierung/beginnen/", ceremonies.BeginRegistration.as_view(), name="credential-registration-begin"),
    path(
        "registrierung/abschliessen/",
        ceremonies.CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path("anmeldung/beginnen/", ceremonies.BeginAuthentication.as_view(), name="credential-authentication-begin"),
    path(
        "anmeldung/abschliessen/",
        ceremonies.CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["loginsecurity"]), name="js-i18n-catalog"),
]
