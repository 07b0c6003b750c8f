"""Security headers for the public site: a strict Content-Security-Policy (only our own
scripts, styles, images; no inline script), Permissions-Policy, and framing only by ourselves
where Wagtail's preview needs it.

Wagtail's admin (``/admin/``, ``/django-admin/``) relies on inline scripts and styles, so it
gets a policy that keeps it working instead of the strict one.
"""

from django.conf import settings

STRICT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentLanguageMiddleware:
    """``Content-Language`` as a valid BCP 47 tag: Django would send its internal code of the
    Leichte Sprache frame ("de-ls", not a registered tag); readers' software gets "de-x-ls".
    Listed below LocaleMiddleware, so it answers first and LocaleMiddleware keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.translation import get_language

        from translations.languages import public_language_tag

        response = self.get_response(request)
        language = get_language()
        if language and "Content-Language" not in response:
            response["Content-Language"] = public_language_tag(language)
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ADMIN_PREFIXES))

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(self.admin_prefixes)
        response.setdefault("Content-Security-Policy", ADMIN_POLICY if admin else STRICT_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Referrer-Policy", "same-origin")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
