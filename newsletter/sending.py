"""The sending engine.

Flow (DESIGN: Newsletter, Crash safety):

1. ``start_send`` snapshots the recipients into Delivery rows in one transaction (one
   ``INSERT … SELECT``; unique per issue and subscriber) and fans out batch tasks.
2. A worker ``claim``s up to a batch of rows (``SELECT … FOR UPDATE SKIP LOCKED``, then
   status *sending* with a lease), renders each variant once, personalises per recipient, sends
   over one persistent SMTP connection and records every result right after the server's answer.
3. Rows whose lease expired (their worker died) are claimable again; the only possible
   duplicate is the mail that was in flight at the crash. ``resume_sends`` (Celery beat)
   re-enqueues batches for issues still sending, so a lost broker queue (Redis restart) loses
   nothing: the rows in PostgreSQL are the truth.
4. SMTP 4xx and connection errors retry with exponential backoff (``next_attempt_at``); 5xx
   fails the delivery and a hard bounce suppresses the subscriber.
"""

import binascii
import contextlib
import logging
import math
import smtplib
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from email.header import Header
from email.utils import formatdate, parseaddr

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import escape

from .models import Delivery, NewsletterIssue, NewsletterSettings, Subscriber
from .rendering import GREETING, PREFERENCES_URL, UNSUBSCRIBE_URL, issue_topic_ids, render_issue
from .tokens import manage_token

logger = logging.getLogger(__name__)

HARD_BOUNCE_CODES = {550, 551, 553}


class SendError(Exception):
    """An operator's request that cannot be done (e.g. sending an unpublished issue)."""


def _conf(name, default):
    return getattr(settings, name, default)


# ---------------------------------------------------------------- snapshot and fan-out


def snapshot_recipients(issue):
    """Create one pending Delivery per active subscriber the issue has something for.

    One statement, so the snapshot is consistent; subscribers joining later are not in it.
    Topic filtering: a subscriber with topics gets no row when every item of the issue is
    tagged and none with one of their topics.
    """
    topic_ids, has_untagged, has_items = issue_topic_ids(issue)
    sql = [
        f"INSERT INTO {Delivery._meta.db_table} "
        "(issue_id, subscriber_id, address, status, attempts, last_error, message_id)",
        f"SELECT %s, s.id, s.email, 'pending', 0, '', '' FROM {Subscriber._meta.db_table} s",
        "WHERE s.site_id = %s AND s.status = 'active'",
    ]
    params = [issue.pk, issue.site_id]
    if has_items and not has_untagged:
        through = Subscriber.topics.through._meta.db_table
        ids = sorted(topic_ids) or [0]
        sql.append(
            f"AND (NOT EXISTS (SELECT 1 FROM {through} t WHERE t.subscriber_id = s.id) "
            f"OR EXISTS (SELECT 1 FROM {through} t WHERE t.subscriber_id = s.id "
            f"AND t.actionfieldpage_id IN ({','.join(['%s'] * len(ids))})))"
        )
        params += ids
    sql.append("ORDER BY s.id ON CONFLICT DO NOTHING")
    with connection.cursor() as cursor:
        cursor.execute(" ".join(sql), params)
        return cursor.rowcount


def start_send(issue_id):
    """Snapshot the recipients and fan out batches. Returns the number of deliveries."""
    from .rendering import RenderError, validate_issue

    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.send_status != NewsletterIssue.SendStatus.DRAFT:
            raise SendError(f"Issue {issue.pk} was already sent or is being sent ({issue.get_send_status_display()}).")
        if not issue.live:
            raise SendError(f"Issue {issue.pk} is not published yet: publish it to mark it ready to send.")
        try:
            validate_issue(issue)
        except RenderError as exc:
            raise SendError(str(exc)) from exc
        count = snapshot_recipients(issue)
        NewsletterIssue.objects.filter(pk=issue_id).update(
            send_status=NewsletterIssue.SendStatus.SENDING, send_started_at=timezone.now()
        )
        transaction.on_commit(lambda: enqueue_batches(issue_id))
    if count == 0:
        finish_if_done(issue_id)
    return count


def enqueue_batches(issue_id):
    """One task per batch of claimable rows (tasks claim whatever is pending, so extra tasks
    are harmless and a lost task is made up by ``resume_sends``)."""
    from .tasks import send_batch_task

    claimable = _claimable(Delivery.objects.filter(issue_id=issue_id), timezone.now()).count()
    batches = min(
        math.ceil(claimable / _conf("NEWSLETTER_BATCH_SIZE", 500)), _conf("NEWSLETTER_MAX_TASKS_PER_ENQUEUE", 400)
    )
    for _ in range(batches):
        send_batch_task.delay(issue_id)
    return batches


def _claimable(queryset, now):
    return queryset.filter(
        Q(status=Delivery.Status.PENDING, next_attempt_at__isnull=True)
        | Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Delivery.Status.SENDING, lease_until__lt=now)
    )


def resume_sends():
    """Celery beat: re-enqueue batches for every issue still sending that has claimable rows
    (after a worker crash, a Redis restart, or when retries fall due)."""
    now = timezone.now()
    reclaim_expired(now)
    enqueued = 0
    for issue_id in NewsletterIssue.objects.filter(send_status=NewsletterIssue.SendStatus.SENDING).values_list(
        "pk", flat=True
    ):
        if _claimable(Delivery.objects.filter(issue_id=issue_id), now).exists():
            enqueued += enqueue_batches(issue_id)
        else:
            finish_if_done(issue_id)
    return enqueued


def reclaim_expired(now=None):
    """Claims whose lease ran out (the worker died) go back to pending."""
    now = now or timezone.now()
    return Delivery.objects.filter(status=Delivery.Status.SENDING, lease_until__lt=now).update(
        status=Delivery.Status.PENDING, lease_until=None
    )


def finish_if_done(issue_id):
    if not Delivery.objects.filter(
        issue_id=issue_id, status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    ).exists():
        return NewsletterIssue.objects.filter(pk=issue_id, send_status=NewsletterIssue.SendStatus.SENDING).update(
            send_status=NewsletterIssue.SendStatus.SENT, send_finished_at=timezone.now()
        )
    return 0


# ---------------------------------------------------------------- pause, resume, cancel


def pause(issue_id):
    return NewsletterIssue.objects.filter(pk=issue_id, send_status=NewsletterIssue.SendStatus.SENDING).update(
        send_status=NewsletterIssue.SendStatus.PAUSED
    )


def resume(issue_id):
    changed = NewsletterIssue.objects.filter(pk=issue_id, send_status=NewsletterIssue.SendStatus.PAUSED).update(
        send_status=NewsletterIssue.SendStatus.SENDING
    )
    if changed:
        transaction.on_commit(lambda: enqueue_batches(issue_id))
    return changed


def cancel(issue_id):
    with transaction.atomic():
        changed = NewsletterIssue.objects.filter(
            pk=issue_id, send_status__in=[NewsletterIssue.SendStatus.SENDING, NewsletterIssue.SendStatus.PAUSED]
        ).update(send_status=NewsletterIssue.SendStatus.CANCELLED, send_finished_at=timezone.now())
        if changed:
            Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).update(
                status=Delivery.Status.CANCELLED, lease_until=None
            )
    return changed


# ---------------------------------------------------------------- claiming


def claim(issue_id, limit, lease_seconds):
    """Lock up to ``limit`` claimable rows no other worker holds and lease them to us."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            _claimable(Delivery.objects.filter(issue_id=issue_id), now)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        if ids:
            Delivery.objects.filter(pk__in=ids).update(
                status=Delivery.Status.SENDING, lease_until=now + timedelta(seconds=lease_seconds)
            )
    return ids


# ---------------------------------------------------------------- SMTP


@dataclass
class SmtpConfig:
    host: str
    port: int
    user: str = ""
    password: str = ""
    use_tls: bool = False
    timeout: float = 30

    @classmethod
    def from_settings(cls):
        return cls(
            host=_conf("NEWSLETTER_SMTP_HOST", None) or settings.EMAIL_HOST,
            port=int(_conf("NEWSLETTER_SMTP_PORT", None) or settings.EMAIL_PORT),
            user=settings.EMAIL_HOST_USER,
            password=settings.EMAIL_HOST_PASSWORD,
            use_tls=settings.EMAIL_USE_TLS,
        )


class PersistentSmtp:
    """One SMTP connection per worker process, reused across mails and batches."""

    _shared = None

    def __init__(self, config):
        self.config = config
        self.smtp = None

    @classmethod
    def shared(cls, config):
        if cls._shared is None or cls._shared.config != config:
            cls._shared = cls(config)
        return cls._shared

    def connect(self):
        self.close()
        smtp = smtplib.SMTP(self.config.host, self.config.port, timeout=self.config.timeout)
        smtp.ehlo()
        if self.config.use_tls:
            smtp.starttls()
            smtp.ehlo()
        if self.config.user:
            smtp.login(self.config.user, self.config.password)
        self.smtp = smtp

    def send(self, sender, recipient, data, eight_bit=False):
        if self.smtp is None or self.smtp.sock is None:
            self.connect()
        try:
            self._send_once(sender, recipient, data, eight_bit)
        except (smtplib.SMTPServerDisconnected, ConnectionResetError, BrokenPipeError):
            # an idle connection the server closed since the last batch: reconnect once
            self.connect()
            self._send_once(sender, recipient, data, eight_bit)

    def _send_once(self, sender, recipient, data, eight_bit):
        try:
            if self.smtp.has_extn("pipelining"):
                self._send_pipelined(sender, recipient, data, eight_bit)
            else:
                self.smtp.sendmail(sender, [recipient], data, mail_options=["BODY=8BITMIME"] if eight_bit else [])
        except smtplib.SMTPServerDisconnected:
            self.smtp = None
            raise
        except smtplib.SMTPRecipientsRefused:
            self._reset()
            raise
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:
                self.close()
            else:
                self._reset()
            raise

    @property
    def eight_bit(self):
        """Whether the server takes 8BITMIME bodies (connects if needed)."""
        if self.smtp is None:
            self.connect()
        return bool(self.smtp.has_extn("8bitmime"))

    def _send_pipelined(self, sender, recipient, data, eight_bit):
        """MAIL, RCPT and DATA in one write (RFC 2920): one round trip instead of three."""
        smtp = self.smtp
        body = " BODY=8BITMIME" if eight_bit else ""
        smtp.send(f"MAIL FROM:<{sender}>{body}\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode())
        mail_code, mail_msg = smtp.getreply()
        rcpt_code, rcpt_msg = smtp.getreply()
        data_code, data_msg = smtp.getreply()
        if mail_code != 250:
            raise smtplib.SMTPSenderRefused(mail_code, mail_msg, sender)
        if rcpt_code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_msg)})
        if data_code != 354:
            raise smtplib.SMTPDataError(data_code, data_msg)
        # dot-stuffing (RFC 5321 4.5.2); data already ends with CRLF
        if data.startswith(b"."):
            data = b"." + data
        smtp.send(data.replace(b"\r\n.", b"\r\n..") + b".\r\n")
        code, msg = smtp.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, msg)

    def _reset(self):
        try:
            self.smtp.rset()
        except (smtplib.SMTPException, OSError, AttributeError):
            self.smtp = None

    def close(self):
        if self.smtp is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self.smtp.quit()
            self.smtp = None


def classify_smtp_error(exc):
    """(code, message) of a failed send; code None for connection errors."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(exc.recipients.values()))
        return code, message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    if isinstance(exc, smtplib.SMTPResponseException):
        message = exc.smtp_error
        return exc.smtp_code, message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return None, f"{type(exc).__name__}: {exc}"


# ---------------------------------------------------------------- message building


def _header_value(value):
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def _qp(text):
    return binascii.b2a_qp(text.encode("utf-8")).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _wrap_long_lines(content, limit=600):
    """Break lines longer than ``limit`` UTF-8 bytes at spaces (SMTP allows 998 per line; the
    placeholders filled in later add at most a few hundred). Whitespace in HTML and plain
    text means the same as a line break, except in <pre>, which our templates do not use."""
    out = []
    for line in content.split("\n"):
        if len(line.encode()) <= limit:
            out.append(line)
            continue
        current, size = [], 0
        for word in line.split(" "):
            word_size = len(word.encode()) + 1
            if current and size + word_size > limit:
                out.append(" ".join(current))
                current, size = [], 0
            current.append(word)
            size += word_size
        out.append(" ".join(current))
    return "\n".join(out)


GREETINGS = {"de": ("Hallo {name},", "Hallo,"), "en": ("Hello {name},", "Hello,")}


class Variant:
    """One rendering of an issue (edition × language × topics) split at the placeholders."""

    def __init__(self, rendered, language):
        self.rendered = rendered
        self.language = language
        self.html_parts = self._split(rendered.html)
        self.text_parts = self._split(rendered.text)
        self.subject = _header_value(rendered.subject).encode()
        # For servers that take 8BITMIME: the body as bytes once, lines kept short, so a mail
        # is a join of ready-made segments and a few encoded values (no per-recipient QP).
        self.html_8bit = self._encoded(self._split(_wrap_long_lines(rendered.html)))
        self.text_8bit = self._encoded(self._split(_wrap_long_lines(rendered.text)))

    @staticmethod
    def _encoded(parts):
        return [p if i % 2 else p.replace("\r\n", "\n").replace("\n", "\r\n").encode() for i, p in enumerate(parts)]

    @staticmethod
    def _fill_bytes(parts, values):
        return b"".join(values[p] if i % 2 else p for i, p in enumerate(parts))

    @staticmethod
    def _split(content):
        # [literal, placeholder, literal, placeholder, ...]
        parts = [content]
        for placeholder in (GREETING, UNSUBSCRIBE_URL, PREFERENCES_URL):
            split = []
            for i, part in enumerate(parts):
                if i % 2 == 1:
                    split.append(part)
                    continue
                pieces = part.split(placeholder)
                for j, piece in enumerate(pieces):
                    if j:
                        split.append(placeholder)
                    split.append(piece)
            parts = split
        return parts

    @staticmethod
    def _fill(parts, values):
        return "".join(values[p] if i % 2 else p for i, p in enumerate(parts))

    def message(self, *, sender, recipient, name, token, base_url, message_id, list_mailto, date, eight_bit=False):
        unsubscribe = f"{base_url}/newsletter/abmelden/{token}/"
        one_click = f"{base_url}/newsletter/abmelden/{token}/sofort/"
        preferences = f"{base_url}/newsletter/einstellungen/{token}/"
        with_name, without_name = GREETINGS.get(self.language, GREETINGS["de"])
        greeting_text = with_name.format(name=name) if name else without_name
        html_values = {GREETING: escape(greeting_text), UNSUBSCRIBE_URL: unsubscribe, PREFERENCES_URL: preferences}
        text_values = {GREETING: greeting_text, UNSUBSCRIBE_URL: unsubscribe, PREFERENCES_URL: preferences}
        boundary = "=_nl_" + message_id.strip("<>").split("@")[0]
        head = (
            f"From: {sender}\r\nTo: {recipient}\r\nSubject: ".encode()
            + self.subject
            + (
                f"\r\nDate: {date}\r\nMessage-ID: {message_id}\r\nMIME-Version: 1.0\r\n"
                f"List-Unsubscribe: <{one_click}>, <mailto:{list_mailto}?subject=unsubscribe%20{token}>\r\n"
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
            ).encode()
        )
        if eight_bit:
            html_b = {k: v.encode() for k, v in html_values.items()}
            text_b = {k: v.encode() for k, v in text_values.items()}
            return b"".join(
                (
                    head,
                    (
                        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: 8bit\r\n\r\n"
                    ).encode(),
                    self._fill_bytes(self.text_8bit, text_b),
                    (
                        f"\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: 8bit\r\n\r\n"
                    ).encode(),
                    self._fill_bytes(self.html_8bit, html_b),
                    f"\r\n--{boundary}--\r\n".encode(),
                )
            )
        return b"".join(
            (
                head,
                (
                    f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                ).encode(),
                _qp(self._fill(self.text_parts, text_values)),
                (
                    f"\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                ).encode(),
                _qp(self._fill(self.html_parts, html_values)),
                f"\r\n--{boundary}--\r\n".encode(),
            )
        )


# ---------------------------------------------------------------- the batch


class RateLimiter:
    """Per-site mails per minute, shared by all workers through the cache (Redis)."""

    def __init__(self, site_id, per_minute):
        self.site_id = site_id
        self.per_minute = per_minute

    def acquire(self, n):
        if not self.per_minute:
            return
        while True:
            window = int(time.time() // 60)
            key = f"newsletter:rate:{self.site_id}:{window}"
            cache.add(key, 0, 120)
            try:
                used = cache.incr(key, n)
            except ValueError:
                continue
            if used <= self.per_minute:
                return
            cache.decr(key, n)
            time.sleep(max(0.05, (window + 1) * 60 - time.time()))


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    retry: int = 0
    failed: int = 0
    suppressed: int = 0
    stopped: bool = False


def _variant_key(sub):
    return (sub["edition"], sub["language"], sub["topics"])


def _load_recipients(ids):
    rows = list(
        Delivery.objects.filter(pk__in=ids)
        .order_by("pk")
        .values(
            "pk",
            "address",
            "attempts",
            "subscriber_id",
            "subscriber__name",
            "subscriber__language",
            "subscriber__edition",
            "subscriber__status",
        )
    )
    sub_ids = [r["subscriber_id"] for r in rows if r["subscriber_id"]]
    topics = {}
    for sid, tid in Subscriber.topics.through.objects.filter(subscriber_id__in=sub_ids).values_list(
        "subscriber_id", "actionfieldpage_id"
    ):
        topics.setdefault(sid, set()).add(tid)
    for r in rows:
        r["topics"] = frozenset(topics.get(r["subscriber_id"], ()))
        r["edition"] = r["subscriber__edition"] or "standard"
        r["language"] = r["subscriber__language"] or "de"
    return rows


class ResultWriter:
    """Records each delivery's result right after the SMTP server answered, without waiting
    for the database's reply before the next mail: the UPDATE is on the wire (and commits on
    its own) before the next mail is sent, and its reply is read while that mail travels.
    A worker killed at any point therefore loses no recorded result; only the mail in flight
    can go out twice. On PostgreSQL this talks libpq directly; elsewhere it is a plain cursor."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.pgconn = None
        self.pending = False
        self.prepared = {}
        if connection.vendor == "postgresql":
            self.pgconn = connection.connection.pgconn

    def _statement(self, sql, count):
        """A server-side prepared statement per SQL text (parsed and planned once per batch)."""
        name = self.prepared.get(sql)
        if name is None:
            numbered = sql
            for i in range(1, count + 1):
                numbered = numbered.replace("%s", f"${i}", 1)
            name = f"nl_{uuid.uuid4().hex[:12]}".encode()
            result = self.pgconn.prepare(name, numbered.encode())
            from psycopg import pq

            if result.status != pq.ExecStatus.COMMAND_OK:
                raise RuntimeError((result.error_message or b"").decode(errors="replace"))
            self.prepared[sql] = name
        return name

    def close(self):
        self.wait()
        if self.pgconn is not None:
            for name in self.prepared.values():
                self.cursor.execute(f"DEALLOCATE {name.decode()}")
        self.prepared = {}

    def execute(self, sql, params):
        if self.pgconn is None:
            self.cursor.execute(sql, params)
            return
        self.wait()
        name = self._statement(sql, len(params))
        values = [
            None if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)).encode() for v in params
        ]
        self.pgconn.send_query_prepared(name, values)
        self.pending = True

    def wait(self):
        """Read the reply of the last UPDATE (call before any other query on the connection)."""
        if not self.pending:
            return
        from psycopg import pq

        self.pending = False
        error = None
        while True:
            result = self.pgconn.get_result()
            if result is None:
                break
            if result.status != pq.ExecStatus.COMMAND_OK:
                error = (result.error_message or b"").decode(errors="replace")
        if error:
            raise RuntimeError(f"recording a delivery failed: {error}")


def send_batch(issue_id, batch_size=None, smtp=None):
    """Claim one batch of this issue's deliveries and send it. Safe to run in any number of
    workers at once. Returns a BatchResult."""
    batch_size = batch_size or _conf("NEWSLETTER_BATCH_SIZE", 500)
    lease_seconds = _conf("NEWSLETTER_LEASE_SECONDS", 120)
    max_attempts = _conf("NEWSLETTER_MAX_ATTEMPTS", 6)
    retry_base = _conf("NEWSLETTER_RETRY_BASE_SECONDS", 60)
    result = BatchResult()
    issue = NewsletterIssue.objects.select_related("site").filter(pk=issue_id).first()
    if issue is None or issue.send_status != NewsletterIssue.SendStatus.SENDING:
        result.stopped = True
        return result
    # With DraftStateMixin the row holds the published content; drafts live in revisions.
    ids = claim(issue_id, batch_size, lease_seconds)
    result.claimed = len(ids)
    if not ids:
        finish_if_done(issue_id)
        return result

    site_settings = NewsletterSettings.for_site(issue.site)
    sender = site_settings.from_header()
    envelope_from = parseaddr(sender)[1]
    domain = envelope_from.rpartition("@")[2] or "localhost"
    list_mailto = f"unsubscribe@{domain}"
    base_url = issue.site.root_url
    limiter = RateLimiter(issue.site_id, site_settings.rate_limit_per_minute)
    smtp = smtp or PersistentSmtp.shared(SmtpConfig.from_settings())
    variants = {}
    recipients = _load_recipients(ids)
    try:
        eight_bit = smtp.eight_bit
    except (smtplib.SMTPException, OSError):
        eight_bit = False  # the send below meets the same error and records it per delivery
    date = formatdate(localtime=True)

    # Results are recorded one by one, each in its own commit; asynchronous commit makes that
    # cheap (a database crash could lose the last few milliseconds of results — a worker crash
    # loses nothing).
    is_postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if is_postgres:
            cursor.execute("SET synchronous_commit TO OFF")
        table = Delivery._meta.db_table
        writer = ResultWriter(cursor)
        last_check = time.monotonic()
        chunk = 25
        remaining_ids = [r["pk"] for r in recipients]
        for index, row in enumerate(recipients):
            if index % chunk == 0:
                writer.wait()
                limiter.acquire(min(chunk, len(recipients) - index))
                if time.monotonic() - last_check > 1:
                    last_check = time.monotonic()
                    status = NewsletterIssue.objects.filter(pk=issue_id).values_list("send_status", flat=True).first()
                    if status != NewsletterIssue.SendStatus.SENDING:
                        Delivery.objects.filter(pk__in=remaining_ids[index:], status=Delivery.Status.SENDING).update(
                            status=Delivery.Status.PENDING
                            if status == NewsletterIssue.SendStatus.PAUSED
                            else Delivery.Status.CANCELLED,
                            lease_until=None,
                        )
                        result.stopped = True
                        break
                    # Still at it: extend our lease so nobody takes over rows we hold.
                    Delivery.objects.filter(pk__in=remaining_ids[index:], status=Delivery.Status.SENDING).update(
                        lease_until=timezone.now() + timedelta(seconds=lease_seconds)
                    )
            pk = row["pk"]
            if row["subscriber_id"] is None or row["subscriber__status"] != Subscriber.Status.ACTIVE:
                writer.execute(f"UPDATE {table} SET status='suppressed', lease_until=NULL WHERE id=%s", [pk])
                result.suppressed += 1
                continue
            key = _variant_key(row)
            if key not in variants:
                writer.wait()
                rendered = render_issue(issue, edition=key[0], language=key[1], topics=key[2])
                variants[key] = Variant(rendered, key[1]) if rendered else None
            variant = variants[key]
            if variant is None:  # nothing in this issue fits the subscriber's topics
                writer.execute(
                    f"UPDATE {table} SET status='suppressed', lease_until=NULL, last_error=%s WHERE id=%s",
                    ["no item matches the subscriber's topics", pk],
                )
                result.suppressed += 1
                continue
            message_id = f"<newsletter.{issue_id}.{pk}@{domain}>"
            data = variant.message(
                sender=sender,
                recipient=row["address"],
                name=row["subscriber__name"],
                token=manage_token(row["subscriber_id"]),
                base_url=base_url,
                message_id=message_id,
                list_mailto=list_mailto,
                date=date,
                eight_bit=eight_bit,
            )
            try:
                smtp.send(envelope_from, row["address"], data, eight_bit)
            except BaseException as exc:
                if not isinstance(exc, (smtplib.SMTPException, OSError, socket.timeout)):
                    writer.wait()
                    raise
                smtp_error = exc
            else:
                smtp_error = None
            if smtp_error is not None:
                exc = smtp_error
                code, message = classify_smtp_error(exc)
                attempts = row["attempts"] + 1
                if code is not None and code >= 500:
                    writer.execute(
                        f"UPDATE {table} SET status='failed', attempts=%s, lease_until=NULL, last_error=%s WHERE id=%s",
                        [attempts, f"{code} {message}", pk],
                    )
                    result.failed += 1
                    if code in HARD_BOUNCE_CODES:
                        writer.wait()
                        Subscriber.objects.filter(pk=row["subscriber_id"]).update(status=Subscriber.Status.BOUNCED)
                elif attempts >= max_attempts:
                    writer.execute(
                        f"UPDATE {table} SET status='failed', attempts=%s, lease_until=NULL, last_error=%s WHERE id=%s",
                        [attempts, f"gave up after {attempts} attempts: {code or ''} {message}".strip(), pk],
                    )
                    result.failed += 1
                else:
                    delay = retry_base * (2 ** (attempts - 1))
                    writer.execute(
                        f"UPDATE {table} SET status='pending', attempts=%s, lease_until=NULL, next_attempt_at=%s, "
                        "last_error=%s WHERE id=%s",
                        [attempts, timezone.now() + timedelta(seconds=delay), f"{code or ''} {message}".strip(), pk],
                    )
                    result.retry += 1
                    if code is None:
                        smtp.smtp = None  # reconnect for the next mail
                continue
            writer.execute(
                f"UPDATE {table} SET status='sent', attempts=%s, lease_until=NULL, sent_at=%s, message_id=%s, "
                "last_error='' WHERE id=%s",
                [row["attempts"] + 1, timezone.now(), message_id, pk],
            )
            result.sent += 1
        writer.close()
        if is_postgres:
            cursor.execute("SET synchronous_commit TO DEFAULT")
    if result.retry:
        _schedule_retry(issue_id)
    finish_if_done(issue_id)
    return result


def _schedule_retry(issue_id):
    from .tasks import send_batch_task

    next_due = (
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING, next_attempt_at__isnull=False)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if next_due and not settings.CELERY_TASK_ALWAYS_EAGER:
        send_batch_task.apply_async((issue_id,), eta=next_due)


def send_all_now(issue_id, smtp=None):
    """Send every claimable row of an issue in this process (command line, tests)."""
    total = BatchResult()
    while True:
        result = send_batch(issue_id, smtp=smtp)
        for field in ("claimed", "sent", "retry", "failed", "suppressed"):
            setattr(total, field, getattr(total, field) + getattr(result, field))
        if not result.claimed or result.stopped:
            return total


# ---------------------------------------------------------------- test sends


def test_send(issue, addresses, edition="standard"):
    """Send the issue to the given addresses, placeholders filled with sample values (a
    test send never goes out with raw placeholders). Returns the list of addresses sent to."""
    rendered = render_issue(issue, edition=edition)
    site_settings = NewsletterSettings.for_site(issue.site)
    sender = site_settings.from_header()
    envelope_from = parseaddr(sender)[1]
    domain = envelope_from.rpartition("@")[2] or "localhost"
    variant = Variant(rendered, "de")
    smtp = PersistentSmtp(SmtpConfig.from_settings())
    sent = []
    try:
        for address in addresses:
            data = variant.message(
                sender=sender,
                recipient=address,
                name="Anna Beispiel",
                token="test",
                base_url=issue.site.root_url,
                message_id=f"<newsletter.test.{uuid.uuid4().hex}@{domain}>",
                list_mailto=f"unsubscribe@{domain}",
                date=formatdate(localtime=True),
            )
            data = data.replace(b"Subject: ", b"Subject: [Test] ", 1)
            smtp.send(envelope_from, address, data)
            sent.append(address)
    finally:
        smtp.close()
    return sent


# ---------------------------------------------------------------- progress and report


def progress(issue):
    """Counts, rate and time left, all derived from the delivery rows."""
    counts = dict(Delivery.objects.filter(issue=issue).values_list("status").annotate(n=Count("pk")))
    total = sum(counts.values())
    sent = counts.get("sent", 0)
    done = sum(counts.get(s, 0) for s in ("sent", "failed", "suppressed", "cancelled"))
    now = timezone.now()
    window = 30
    recent = Delivery.objects.filter(issue=issue, status="sent", sent_at__gte=now - timedelta(seconds=window)).count()
    rate = recent / window
    remaining = total - done
    unsubscribes = 0
    if issue.send_started_at:
        unsubscribes = Subscriber.objects.filter(
            site_id=issue.site_id, unsubscribed_at__gte=issue.send_started_at
        ).count()
    return {
        "issue": issue.pk,
        "status": issue.send_status,
        "total": total,
        "sent": sent,
        "failed": counts.get("failed", 0),
        "suppressed": counts.get("suppressed", 0),
        "cancelled": counts.get("cancelled", 0),
        "pending": counts.get("pending", 0) + counts.get("sending", 0),
        "percent": round(100 * done / total, 1) if total else 100.0,
        "rate_per_second": round(rate, 1),
        "seconds_left": round(remaining / rate) if rate and remaining else (0 if not remaining else None),
        "unsubscribes_since": unsubscribes,
        "started_at": issue.send_started_at.isoformat() if issue.send_started_at else None,
        "finished_at": issue.send_finished_at.isoformat() if issue.send_finished_at else None,
    }
