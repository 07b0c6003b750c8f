"""Several SMTP connections per worker process: a send task runs as many batches at once as
the process has connections (``NEWSLETTER_SMTP_CONNECTIONS``), each in its own thread with its
own claim, ledger, database connection and persistent SMTP connection."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections

from .batch import BatchResult
from .sending import add_results, send_batch
from .smtp import PersistentSmtp, SmtpConfig

_pool = None
_pool_lock = threading.Lock()
_thread_state = threading.local()


def smtp_connections():
    """SMTP connections one worker process keeps open (``NEWSLETTER_SMTP_CONNECTIONS``). With
    tasks run in-process (``make run``, tests) always one: the batch runs in the caller's
    thread and its database transaction."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return 1
    return max(1, settings.NEWSLETTER_SMTP_CONNECTIONS)


def _executor(threads):
    """The process's sender threads, made on first use (after the worker forked)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool._max_workers != threads:
            _pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newsletter-smtp")
        return _pool


def _send_batch_in_thread(issue_id):
    """One sender thread's batch: its own SMTP connection and database connection, both kept
    for the thread's next batch (a connection past CONN_MAX_AGE or broken is replaced)."""
    close_old_connections()
    try:
        smtp = getattr(_thread_state, "smtp", None)
        config = SmtpConfig.from_settings()
        if smtp is None or smtp.config != config:
            smtp = _thread_state.smtp = PersistentSmtp(config)
        return send_batch(issue_id, smtp=smtp)
    finally:
        close_old_connections()


def send_batches(issue_id):
    """What one send task does: as many batches at once as the process has SMTP connections,
    each claimed on its own (own owner token, lease and ledger) and sent over its own
    connection by its own thread. Threads because the work is mostly waiting for the mail
    server's and the database's answers; the GIL is released meanwhile. A worker killed
    mid-send can therefore duplicate at most one mail per connection (the one in flight)."""
    threads = smtp_connections()
    if threads == 1:
        return send_batch(issue_id)
    futures = [_executor(threads).submit(_send_batch_in_thread, issue_id) for _ in range(threads)]
    total = BatchResult()
    errors = []
    for future in futures:
        try:
            result = future.result()
            add_results(total, result)
            total.stopped = total.stopped or result.stopped
        except Exception as exc:  # the other threads' results stand; the rows of this one are reclaimed
            errors.append(exc)
    if errors:
        raise errors[0]
    return total
