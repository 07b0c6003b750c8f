"""Editors' own API tokens: create (name, optional expiry, read-only), list, revoke; and the
middleware that enforces expiry and read-only on every API request."""

from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import APIToken

from .models import TokenLimits

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def create_token(user, name, *, read_only=False, expires_at=None):
    """A token for ``user`` itself; returns ``(token, plaintext)`` (the plaintext only now)."""
    with transaction.atomic():
        token, plaintext = APIToken.create_token(user=user, name=name)
        TokenLimits.objects.create(token=token, read_only=read_only, expires_at=expires_at)
    return token, plaintext


def own_tokens(user):
    return APIToken.objects.filter(user=user).select_related("limits").order_by("-created")


def revoke_own_token(user, token_id):
    """Revoke one of the user's own tokens; False if it is not theirs (or already revoked)."""
    token = APIToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).first()
    if token is None:
        return False
    token.revoke()
    return True


def _problem(status, title, detail):
    return JsonResponse({"type": "about:blank", "title": title, "status": status, "detail": detail}, status=status)


def _limits_for_bearer(request):
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return (
        TokenLimits.objects.filter(
            token__key_hash__in=APIToken.candidate_key_hashes(value.strip()), token__revoked_at__isnull=True
        )
        .only("read_only", "expires_at")
        .first()
    )


class TokenLimitsMiddleware:
    """An expired token is refused (401); a read-only token may only read (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and "Authorization" in request.headers:
            limits = _limits_for_bearer(request)
            if limits is not None:
                if limits.expires_at is not None and limits.expires_at <= timezone.now():
                    return _problem(401, _("Token expired"), _("This API token has expired. Create a new one."))
                if limits.read_only and request.method not in SAFE_METHODS:
                    return _problem(403, _("Read-only token"), _("This API token may only read."))
        return self.get_response(request)
