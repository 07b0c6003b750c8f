"""Celery tasks of the accessibility app: thin, they load ids and call plain functions."""

from celery import shared_task
from wagtail.models import Page

from .builders import build_page_variants
from .checking import check_revision_id

RETRY_DELAYS = (30, 120, 600)  # seconds before the 1st, 2nd and 3rd retry of a failed build
BUSY_DELAY = 20  # seconds before looking again at a variant another worker is building


class VariantBuildFailed(Exception):
    """Raised for Celery's retry and, after the last retry, as the task's final error. The
    variants themselves already carry status ``failed`` and their error for the admin."""


@shared_task(name="accessibility.check_revision")
def check_revision_task(revision_id):
    """Check a saved revision of a Leichte Sprache page and store the findings on it."""
    check = check_revision_id(revision_id)
    return check.pk if check else None


@shared_task(bind=True, name="accessibility.build_page_variants", max_retries=len(RETRY_DELAYS))
def build_page_variants_task(self, page_id, kinds=None, force=False):
    """Build the changed variants of a published page; retry the failed ones with back-off."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return None
    result = build_page_variants(page, kinds=kinds, force=force)
    if result.busy and not self.request.is_eager:
        # Another worker is building these now; look again when it is likely done. The hash
        # check then builds only if the text changed meanwhile.
        build_page_variants_task.apply_async(kwargs={"page_id": page_id, "kinds": result.busy}, countdown=BUSY_DELAY)
    if result.retryable and not self.request.is_eager:
        delay = RETRY_DELAYS[min(self.request.retries, len(RETRY_DELAYS) - 1)]
        error = VariantBuildFailed(f"page {page_id}: " + "; ".join(f"{k}: {v}" for k, v in result.failed.items()))
        raise self.retry(
            kwargs={"page_id": page_id, "kinds": list(result.failed), "force": True}, countdown=delay, exc=error
        )
    return {"built": result.built, "unchanged": result.unchanged, "failed": result.failed, "busy": result.busy}
