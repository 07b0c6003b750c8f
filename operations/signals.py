"""Worker-side hooks: count failed tasks for the metrics and log one line per task with its ids."""

import time

from celery.signals import task_failure, task_postrun, task_prerun

from . import logs, metrics

_running = {}  # task id -> (start time, the log context before the task: eager tasks run inside a request)


@task_failure.connect
def count_failure(sender=None, **kwargs):
    metrics.record_task_failure(getattr(sender, "name", "unknown"))


@task_prerun.connect
def bind_task(task_id=None, task=None, **extra):
    _running[task_id] = (time.perf_counter(), logs.current())
    logs.bind(task_id=task_id, task=getattr(task, "name", None))


@task_postrun.connect
def log_task(task_id=None, task=None, args=None, kwargs=None, state=None, **extra):
    started, before = _running.pop(task_id, (time.perf_counter(), {}))
    logs.log_task(task, task_id, args, kwargs, state, time.perf_counter() - started)
    logs.restore(before)
