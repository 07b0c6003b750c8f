"""Celery tasks go through a real worker: over the Redis broker where Redis runs (our
machines, CI), over Celery's in-memory transport elsewhere."""

import datetime

from django.conf import settings
from django.utils import timezone

from cms.celery import app
from home.models import NewsPage
from home.tasks import publish_scheduled_task


def test_broker_is_redis_when_it_runs():
    if settings.USES_REAL_SERVICES:
        assert app.conf.broker_url.startswith("redis://")
        assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def test_worker_publishes_a_page_scheduled_for_now(celery_worker, make_network):
    net = make_network("delta")
    page = net.news_index.add_child(
        instance=NewsPage(title="Geplante Meldung", slug="geplant", live=False, date=datetime.date(2026, 11, 20))
    )
    revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert revision.approved_go_live_at is not None
    page.refresh_from_db()
    assert not page.live

    result = publish_scheduled_task.delay()
    result.get(timeout=30)

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
