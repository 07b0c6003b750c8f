"""What a load balancer, an orchestrator or a person on call asks: does it live, can it serve?

Each check returns a :class:`Result`. A check names what it looked at, never a host name,
password or address: the readiness page is public enough to be probed by a load balancer.
"""

import shutil
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext_lazy as _

BEAT_HEARTBEAT_KEY = "operations:beat-heartbeat"


@dataclass
class Result:
    name: str
    label: str
    ok: bool
    detail: str = ""
    seconds: float = 0.0
    used: bool = True  # False: this installation does not use the dependency (e.g. no broker under make run)


def _uses_broker():
    return not settings.CELERY_TASK_ALWAYS_EAGER and not settings.CELERY_BROKER_URL.startswith("memory://")


def _broker():
    from kombu import Connection

    return Connection(
        settings.CELERY_BROKER_URL,
        connect_timeout=settings.HEALTH_CHECK_TIMEOUT,
        transport_options={"socket_timeout": settings.HEALTH_CHECK_TIMEOUT},
    )


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True, ""


def check_cache():
    key = "operations:health-probe"
    value = str(time.time())
    cache.set(key, value, 30)
    if cache.get(key) != value:
        return False, _("the cache did not return what was stored")
    return True, ""


def check_broker():
    if not _uses_broker():
        return None, _("not used: tasks run in the web process")
    with _broker() as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.HEALTH_CHECK_TIMEOUT)
    return True, ""


def check_worker():
    if not _uses_broker():
        return None, _("not used: tasks run in the web process")
    from cms.celery import app

    with _broker() as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.HEALTH_CHECK_TIMEOUT)
        # The ping goes out on this connection: Celery's control would publish through the app's
        # producer pool, bound to whichever broker it first connected to (a broker that has since
        # moved or stopped would swallow the ping and every worker would look dead).
        mailbox = app.control.mailbox(conn)
        mailbox._producer_pool = None
        replies = mailbox._broadcast("ping", reply=True, timeout=settings.HEALTH_CHECK_TIMEOUT)
    if not replies:
        return False, _("no worker answered a ping")
    return True, _("%(count)d worker(s) answered") % {"count": len(replies)}


def check_beat():
    if not _uses_broker():
        return None, _("not used: tasks run in the web process")
    last = cache.get(BEAT_HEARTBEAT_KEY)
    if last is None:
        return False, _("beat has not reported yet")
    age = time.time() - float(last)
    if age > settings.HEALTH_BEAT_MAX_AGE:
        return False, _("beat's last heartbeat was %(seconds)d s ago") % {"seconds": age}
    return True, _("last heartbeat %(seconds)d s ago") % {"seconds": age}


def check_smtp():
    host = settings.NEWSLETTER_SMTP_HOST or settings.EMAIL_HOST
    port = int(settings.NEWSLETTER_SMTP_PORT or settings.EMAIL_PORT)
    if settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend" and not settings.NEWSLETTER_SMTP_HOST:
        return None, _("not used: mail does not go through SMTP")
    smtp = smtplib.SMTP(timeout=settings.HEALTH_CHECK_TIMEOUT)
    try:
        code, _banner = smtp.connect(host, port)
        if code != 220:
            return False, _("the mail server greeted with %(code)s") % {"code": code}
        smtp.noop()
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    return True, ""


def check_disk():
    root = settings.MEDIA_ROOT
    root.mkdir(parents=True, exist_ok=True)
    usage = shutil.disk_usage(root)
    free_mb = usage.free // (1024 * 1024)
    if free_mb < settings.HEALTH_MIN_FREE_DISK_MB:
        return False, _("%(free)d MB free for media, below %(min)d MB") % {
            "free": free_mb,
            "min": settings.HEALTH_MIN_FREE_DISK_MB,
        }
    return True, _("%(free)d MB free for media") % {"free": free_mb}


CHECKS = [
    ("database", _("Database"), check_database),
    ("cache", _("Cache"), check_cache),
    ("broker", _("Task broker"), check_broker),
    ("worker", _("Task worker"), check_worker),
    ("beat", _("Scheduler (beat)"), check_beat),
    ("smtp", _("Mail server"), check_smtp),
    ("disk", _("Disk space for media"), check_disk),
]


def run_checks(only=None):
    """Every readiness check (or those named in ``only``), each isolated: one failing dependency never hides another."""
    results = []
    for name, label, check in CHECKS:
        if only and name not in only:
            continue
        started = time.monotonic()
        try:
            ok, detail = check()
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            ok, detail = False, _("unreachable (%(error)s)") % {"error": type(exc).__name__}
        except Exception as exc:  # a health page must report, not crash
            ok, detail = False, _("failed (%(error)s)") % {"error": type(exc).__name__}
        results.append(
            Result(
                name=name,
                label=str(label),
                ok=ok is not False,
                detail=str(detail),
                seconds=time.monotonic() - started,
                used=ok is not None,
            )
        )
    return results
