"""Celery beat's scheduler with a pulse: beat itself writes its heartbeat on every tick.

A heartbeat sent as a task would arrive only when a worker gets to it, so a queue full of
long variant builds would make a healthy beat look dead. Set as ``CELERY_BEAT_SCHEDULER``.
"""

import logging
import time

from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)


def write_heartbeat():
    from django.core.cache import cache

    from .health import BEAT_HEARTBEAT_KEY

    cache.set(BEAT_HEARTBEAT_KEY, time.time(), None)


class HeartbeatScheduler(PersistentScheduler):
    _last_heartbeat = 0.0

    def tick(self, *args, **kwargs):
        delay = super().tick(*args, **kwargs)
        interval = settings.BEAT_HEARTBEAT_SECONDS
        now = time.monotonic()
        if now - self._last_heartbeat >= interval:
            try:
                write_heartbeat()
                self._last_heartbeat = now
            except Exception:  # a cache outage must not stop the schedule; readiness shows it
                logger.warning("beat could not write its heartbeat", exc_info=True)
        return min(delay, interval)
