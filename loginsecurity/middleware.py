"""Sends a logged-in editor who has not shown a second factor to enrolment or verification
before any admin view (Wagtail's and Django's) answers."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .policy import has_device, two_factor_required

PROTECTED_PREFIXES = ("/admin/", "/django-admin/")
OPEN_PREFIXES = ("/admin/login/", "/admin/logout/", "/admin/2fa/", "/admin/password_reset/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        user = getattr(request, "user", None)
        if (
            user is not None
            and path.startswith(PROTECTED_PREFIXES)
            and not path.startswith(OPEN_PREFIXES)
            and not path.startswith(settings.STATIC_URL)
            and user.is_authenticated
            and not user.is_verified()
            and two_factor_required(user)
        ):
            target = "loginsecurity:verify" if has_device(user) else "loginsecurity:setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
