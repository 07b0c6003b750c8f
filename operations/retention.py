"""Files we must not keep: audio and PDF of pages that are gone from the public site.

A page that is unpublished or deleted keeps nothing public; its read-aloud audio and PDF stay
on disk only for a grace period (``VARIANT_RETENTION_DAYS``), so an editor who unpublished by
mistake gets them back on republish without a rebuild. After that they are deleted, with the
variant rows. Files under ``variants/`` that no row points to any more (a deleted page's rows
go with the page) are deleted once they are older than the grace period.
"""

import datetime

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone


def purge_unpublished_variants(now=None):
    from accessibility.models import PageVariant

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.VARIANT_RETENTION_DAYS)
    removed_rows = 0
    for variant in PageVariant.objects.filter(page__live=False, updated_at__lt=cutoff).iterator():
        if variant.file:
            variant.file.delete(save=False)
        variant.delete()
        removed_rows += 1
    return removed_rows, _purge_orphan_files(cutoff)


def _purge_orphan_files(cutoff, folder="variants"):
    from accessibility.models import PageVariant

    if not default_storage.exists(folder):
        return 0
    referenced = set(PageVariant.objects.exclude(file="").values_list("file", flat=True))
    removed = 0
    _dirs, files = default_storage.listdir(folder)
    for name in files:
        path = f"{folder}/{name}"
        if path in referenced:
            continue
        modified = default_storage.get_modified_time(path)
        if modified < cutoff:
            default_storage.delete(path)
            removed += 1
    return removed
