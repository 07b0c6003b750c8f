"""Prometheus metrics: what an operator needs to learn that something is wrong before a network does.

Request counts and latencies are kept in process (with several gunicorn workers set
``PROMETHEUS_MULTIPROC_DIR`` so the workers share them). Everything about the product's state —
newsletter deliveries per network, variant builds, the task queue, task failures, the cache's hit
ratio — is read when Prometheus scrapes, so it is right whichever process answers.
"""

import os
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

TASK_FAILURES_KEY = "operations:task-failures"

REGISTRY = CollectorRegistry(auto_describe=True)
REQUESTS = Counter(
    "miteinander_http_requests",
    "HTTP requests by view and status code",
    ["view", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "miteinander_http_request_duration_seconds",
    "Time to answer a request, by view",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=REGISTRY,
)


class MetricsMiddleware:
    """Counts every request by the name of the view that answered it (never by path: paths carry
    ids and slugs, which would make a metric per page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = (match.view_name or match._func_path) if match else "unresolved"
        REQUESTS.labels(view=view, method=request.method, status=str(response.status_code)).inc()
        LATENCY.labels(view=view).observe(time.perf_counter() - started)
        return response


def record_task_failure(task_name):
    """Called by the worker's ``task_failure`` signal: counted in the shared cache, so the web process
    that answers the scrape sees failures that happened in any worker."""
    key = f"{TASK_FAILURES_KEY}:{task_name}"
    try:
        cache.add(key, 0, None)
        cache.incr(key)
        names = set(cache.get(TASK_FAILURES_KEY) or ())
        if task_name not in names:
            cache.set(TASK_FAILURES_KEY, sorted(names | {task_name}), None)
    except Exception:  # a cache outage must never turn a task failure into another failure
        pass


class StateCollector:
    """The product's state, read at scrape time."""

    def collect(self):
        yield from self._deliveries()
        yield from self._variants()
        yield from self._queue()
        yield from self._task_failures()
        yield from self._cache()

    def _deliveries(self):
        from newsletter.models import Delivery

        family = GaugeMetricFamily(
            "miteinander_newsletter_deliveries",
            "Newsletter mails by network and state (retrying: waiting for another attempt)",
            labels=["network", "status"],
        )
        rows = (
            Delivery.objects.values("issue__site__hostname", "status")
            .annotate(
                count=Count("id"),
                retrying=Count("id", filter=Q(status=Delivery.Status.PENDING, attempts__gt=0)),
            )
            .order_by()
        )
        for row in rows:
            network = row["issue__site__hostname"]
            family.add_metric([network, row["status"]], row["count"])
            if row["retrying"]:
                family.add_metric([network, "retrying"], row["retrying"])
        yield family

    def _variants(self):
        from accessibility.models import PageVariant

        family = GaugeMetricFamily(
            "miteinander_variant_builds",
            "Accessible variants (audio, PDF, report) by kind and state",
            labels=["kind", "status"],
        )
        for row in PageVariant.objects.values("kind", "status").annotate(count=Count("id")).order_by():
            family.add_metric([row["kind"], row["status"]], row["count"])
        yield family

    def _queue(self):
        family = GaugeMetricFamily(
            "miteinander_task_queue_length", "Tasks waiting in the broker's queue", labels=["queue"]
        )
        url = settings.CELERY_BROKER_URL
        if url.startswith(("redis://", "rediss://")):
            import redis

            try:
                client = redis.Redis.from_url(url, socket_timeout=2)
                for queue in settings.CELERY_TASK_QUEUES:  # "celery" and "mail" (the sends)
                    family.add_metric([queue.name], client.llen(queue.name))
            except redis.RedisError:
                pass
        yield family

    def _task_failures(self):
        family = GaugeMetricFamily("miteinander_task_failures", "Celery tasks that failed, by task", labels=["task"])
        try:
            names = cache.get(TASK_FAILURES_KEY) or ()
            counts = cache.get_many([f"{TASK_FAILURES_KEY}:{name}" for name in names])
        except Exception:
            names, counts = (), {}
        for name in names:
            family.add_metric([name], counts.get(f"{TASK_FAILURES_KEY}:{name}", 0))
        yield family

    def _cache(self):
        family = GaugeMetricFamily("miteinander_cache_hit_ratio", "Share of cache reads that found their key")
        client = getattr(cache, "_cache", None)
        get_client = getattr(client, "get_client", None)
        if get_client is None:
            return
        try:
            stats = get_client().info("stats")
        except Exception:
            return
        hits, misses = stats.get("keyspace_hits", 0), stats.get("keyspace_misses", 0)
        if hits + misses:
            family.add_metric([], hits / (hits + misses))
            yield family


def export():
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    body = generate_latest(registry)
    state = CollectorRegistry()
    state.register(StateCollector())
    return body + generate_latest(state), CONTENT_TYPE_LATEST
