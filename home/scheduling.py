"""Scheduled publishing: Wagtail stores go-live and expiry times, something must act on them."""

import io

from django.core.management import call_command


def publish_scheduled():
    """Publish revisions whose go-live time has come and unpublish expired pages.

    Returns Wagtail's report (what was published or expired) for the task result and logs.
    """
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip()
