"""Admin-side views of the home app."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from wagtail.models import Page

from .api import make_preview_token


@login_required
def headless_preview(request, page_id):
    """Sends an editor to the front end's preview of the page's latest draft.

    The front end receives a signed, expiring token and reads the draft from
    ``/api/v3/preview/?token=…``; without a configured front end the editor sees that JSON.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision or page.save_revision(user=request.user, log_action=False)
    token = make_preview_token(revision)
    if settings.HEADLESS_PREVIEW_URL:
        return redirect(settings.HEADLESS_PREVIEW_URL.replace("{token}", token))
    return redirect(f"{reverse('wagtailapi_v3:preview_page')}?token={token}")
