"""Keeping the promise of the default privacy notice: submissions are deleted after
PARTICIPATION_RETENTION_DAYS (two years by default); Celery beat runs this daily."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import FormSubmission


def purge_old_submissions(now=None):
    days = getattr(settings, "PARTICIPATION_RETENTION_DAYS", 730)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _ = FormSubmission.objects.filter(created__lt=cutoff).delete()
    return deleted
