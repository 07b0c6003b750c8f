"""Structured logs without personal data.

In production every log line is one JSON object. Each request adds one line with its request id,
network (host name), the user's id (never the name) and the view; each Celery task one line with
its task id and the ids it was given (e.g. the newsletter issue). A filter on every handler
replaces email addresses and token-like query values, whatever a library logs.
"""

import contextvars
import logging
import re
import time
import uuid

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

_context = contextvars.ContextVar("log_context", default=None)

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
SECRET_PARAM = re.compile(r"(?i)\b(token|signature|key|password|secret|t)=([^&\s\"']+)")
# the personal newsletter links (newsletter/urls.py): whoever logs such a URL, the token goes
SECRET_PATH = re.compile(r"(/newsletter/(?:bestaetigen|einstellungen|abmelden)/)[^/\s\"'<>]+")
BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._\-~+/]+=*")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._\-]{8,64}$")

request_logger = logging.getLogger("miteinander.request")
task_logger = logging.getLogger("miteinander.task")


def bind(**values):
    _context.set({**(_context.get() or {}), **{k: v for k, v in values.items() if v is not None}})


def clear():
    _context.set({})


def current():
    return dict(_context.get() or {})


def restore(values):
    _context.set(dict(values))


def redact(text):
    text = EMAIL.sub("<email>", text)
    text = SECRET_PARAM.sub(lambda m: f"{m.group(1)}=<redacted>", text)
    text = SECRET_PATH.sub(r"\1<redacted>", text)
    return BEARER.sub(r"\1 <redacted>", text)


class RedactFilter(logging.Filter):
    """Email addresses and secrets never reach a log, whoever logs them."""

    def filter(self, record):
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class ContextFilter(logging.Filter):
    """Adds the request's or task's context (request id, network, user id, task id) to a record."""

    def filter(self, record):
        for key, value in (_context.get() or {}).items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", True)
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)


class RequestLogMiddleware:
    """One log line per request, and a request id in the response (``X-Request-ID``) that support
    can ask a reader for. Paths are logged without their query string: it may carry a token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        clear()
        bind(request_id=request_id, network=request.get_host().split(":")[0] if _valid_host(request) else None)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            user = getattr(request, "user", None)
            user_id = user.pk if user is not None and user.is_authenticated else None
        match = getattr(request, "resolver_match", None)
        path = loggable_path(request.path, match)
        request_logger.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "view": match.view_name if match else None,
                "user_id": user_id,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        clear()
        response["X-Request-ID"] = request_id
        return response


SECRET_KWARG = re.compile(r"(?i)token|sign|secret|key|code")


def loggable_path(path, match):
    """The path, with URL parts that are secrets (confirmation and unsubscribe tokens) replaced."""
    for name, value in (match.kwargs if match else {}).items():
        if SECRET_KWARG.search(name) and str(value) and str(value) in path:
            path = path.replace(str(value), "<redacted>")
    return redact(path)


def _valid_host(request):
    from django.core.exceptions import DisallowedHost

    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def log_task(task, task_id, args, kwargs, state, runtime):
    ids = {k: v for k, v in (kwargs or {}).items() if k.endswith("_id") and isinstance(v, int)}
    positional = [a for a in (args or ()) if isinstance(a, int)]
    task_logger.info(
        "task %s %s",
        getattr(task, "name", task),
        state,
        extra={
            "task_id": task_id,
            "task": getattr(task, "name", None),
            "state": state,
            "ids": positional,
            **ids,
            "duration_ms": round(runtime * 1000, 1),
        },
    )
