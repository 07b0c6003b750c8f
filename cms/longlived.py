"""A worker's startup objects are left out of Python's full garbage collections (gunicorn's web
workers through ``cms/wsgi.py``, Celery's worker processes through ``cms/celery.py``).

Once Django, Wagtail and every view module are loaded, a worker holds about 250,000 objects
that live as long as the process: classes, functions, URL patterns, settings. Python's cyclic
collector walks all of them in every full (generation 2) collection, which it starts whenever
the objects that survived into the old generation since the last one reach a quarter of those it
already holds there. In the page explorer (hundreds of thousands of short-lived objects a
request) that is every dozen or so requests, and the request that triggers it waits 120–150 ms
more (bench-scale: explorer p50 160 ms, p95 313 ms). ``gc.freeze()`` moves what exists at
startup to a permanent generation the collector never walks (the standard library documents it
for long-lived processes); a full collection then walks only what came after, 20–40 ms.

Frozen garbage is never freed, so one ``gc.collect()`` before the freeze frees what loading
left behind; later objects are collected as always.

A web worker also collects less often (``WEB_WORKER_GC_THRESHOLDS``): with Python's default
(a young collection every 700 new container objects, a full one every 100 young ones at most)
an explorer request of a network editor still ran into a collection of 30–66 ms every dozen
requests or so. With a young collection every 50,000 objects the same 100 requests gave a p95 of
147 and 156 ms against 182 and 195 ms by default, p50 unchanged (bench-scale, explorer only,
alternating runs on the same data). Celery workers keep the default: the send engine's CPU per
mail did not change with it, and its workers grew 14 MB.
"""

import gc

WEB_WORKER_GC_THRESHOLDS = (50_000, 20, 100)


def freeze_startup_objects():
    """Free the garbage of loading and freeze the rest (Celery worker processes do this too,
    ``cms/celery.py``)."""
    gc.collect()
    gc.freeze()


def prepare_web_worker():
    """Load what every request needs, then freeze it with the rest of startup."""
    from django.urls import get_resolver

    len(get_resolver().reverse_dict)  # imports every view module and builds the URL reversal now
    freeze_startup_objects()
    gc.set_threshold(*WEB_WORKER_GC_THRESHOLDS)
