"""Wagtail signals → Celery tasks, always after the transaction commits, so a worker never
looks for a revision or page version that is not saved yet, and a slow build never holds up
the editor's publish."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)

# Set by accessibility.demo.variant_builds_suspended() while bulk-loading demo content.
SUSPENDED = False


def revision_saved(sender, instance, created, **kwargs):
    """Check every new revision of a Leichte Sprache page (drafts included)."""
    if not created or instance.object_id is None:
        return
    from .checking import is_page_revision
    from .models import LeichteSpracheLink

    if not is_page_revision(instance):
        return
    if not LeichteSpracheLink.objects.filter(variant_id=int(instance.object_id)).exists():
        return
    from .tasks import check_revision_task

    revision_id = instance.pk
    transaction.on_commit(lambda: _enqueue(check_revision_task, revision_id))


def page_was_published(sender, instance, revision=None, **kwargs):
    from .models import LeichteSpracheLink

    if revision is not None and LeichteSpracheLink.objects.filter(variant_id=instance.pk).exists():
        from .tasks import check_revision_task

        revision_id = revision.pk
        transaction.on_commit(lambda: _enqueue(check_revision_task, revision_id))
    if SUSPENDED or not getattr(settings, "ACCESSIBILITY_BUILD_ON_PUBLISH", True):
        return
    from .builders import mark_stale
    from .tasks import build_page_variants_task

    page_id = instance.pk
    try:
        mark_stale(instance)
    except Exception:
        logger.exception("Could not compare the variants of page %s with its new text", page_id)
    transaction.on_commit(lambda: _enqueue(build_page_variants_task, page_id))


def page_was_unpublished(sender, instance, **kwargs):
    """An unpublished page's files are no longer offered (they stay until the next build)."""
    from .models import PageVariant

    PageVariant.objects.filter(page_id=instance.pk, status=PageVariant.Status.CURRENT).update(
        status=PageVariant.Status.STALE
    )


def _enqueue(task, *args):
    """Queue a task; a broker that is down must never make publishing fail."""
    try:
        task.delay(*args)
    except Exception:
        logger.exception("Could not queue %s%r", task.name, args)


def connect():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="accessibility_revision_saved")
    page_published.connect(page_was_published, dispatch_uid="accessibility_page_published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="accessibility_page_unpublished")
