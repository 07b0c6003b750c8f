"""The newsletter's SMTP transport: one persistent, pipelined connection per worker process,
and what an SMTP answer means for a delivery (sent, retry later, failed, hard bounce).

Kept apart from the delivery state machine (``sending``) and the MIME writer (``message``):
this module knows nothing about issues or subscribers.
"""

import contextlib
import smtplib
import socket
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .cache_fallback import CACHE_ERRORS
from .message import dot_stuff

HARD_BOUNCE_CODES = {550, 551, 553}
# What a failed send can raise; anything else is a bug and propagates.
TRANSPORT_ERRORS = (smtplib.SMTPException, OSError, socket.timeout)


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
            host=settings.NEWSLETTER_SMTP_HOST or settings.EMAIL_HOST,
            port=int(settings.NEWSLETTER_SMTP_PORT or settings.EMAIL_PORT),
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

    def send(self, sender, recipient, data, eight_bit=False, stuffed=False):
        """Send one mail. ``data`` ends with CRLF; ``stuffed``: it is dot-stuffed and ends with
        the terminating dot already (``message.Variant.wire``), so no pass over it here."""
        if not stuffed:
            data = dot_stuff(data)
        if self.smtp is None or self.smtp.sock is None:
            self.connect()
        try:
            self._send_once(sender, recipient, data, eight_bit)
        except (smtplib.SMTPServerDisconnected, ConnectionResetError, BrokenPipeError):
            # an idle connection the server closed since the last batch: reconnect once
            self.connect()
            self._send_once(sender, recipient, data, eight_bit)

    def _send_once(self, sender, recipient, data, eight_bit):
        with self._session_kept():
            if self.smtp.has_extn("pipelining"):
                self._send_pipelined(sender, recipient, data, eight_bit)
            else:
                self._send_in_steps(sender, recipient, data, eight_bit)

    @contextlib.contextmanager
    def _session_kept(self):
        """After a refusal the session is reset for the next mail (421: the server is closing
        it); after a lost connection the next mail reconnects."""
        try:
            yield
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

    # Overlapping mails (RFC 2920: the message data may open a pipelined group). ``BatchRun``
    # writes the next mail's MAIL, RCPT and DATA right behind the previous mail's data, then
    # reads the previous mail's answer and the next mail's three answers in one wait, and only
    # then writes the next mail's data. Usually one wait per mail instead of two, and building
    # the next mail overlaps the server's work on the previous one.

    def connected(self):
        return self.smtp is not None and self.smtp.sock is not None

    def pipelining(self):
        """Whether the server, connected to now, takes pipelined commands (False when there is
        no connection: ``supports_8bit`` has just tried one)."""
        return self.connected() and bool(self.smtp.has_extn("pipelining"))

    def start(self, sender, recipient, eight_bit=False):
        """Write MAIL, RCPT and DATA of the next mail, without reading any answer."""
        body = " BODY=8BITMIME" if eight_bit else ""
        self.smtp.send(f"MAIL FROM:<{sender}>{body}\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode())

    def data_answer(self):
        """Read the answer to the data written last (``finish``): None, or SMTPDataError.
        No reset after a refusal: the next mail's commands are already on the wire."""
        if not self.connected():
            self.smtp = None
            raise smtplib.SMTPServerDisconnected("connection lost before the server answered")
        try:
            code, msg = self.smtp.getreply()
        except smtplib.SMTPServerDisconnected:
            self.smtp = None
            raise
        if code != 250:
            raise smtplib.SMTPDataError(code, msg)

    def finish(self, sender, recipient, data):
        """Read the answers to what ``start`` wrote; if the server takes the mail, write its
        data (dot-stuffed and terminated). Its answer is read by ``data_answer``."""
        with self._session_kept():
            self._envelope_answers(sender, recipient)
            self.smtp.send(data)

    def supports_8bit(self):
        """Whether the server takes 8BITMIME bodies (connects if needed); False if it cannot be
        reached (the send meets the same error and records it per delivery)."""
        try:
            if self.smtp is None:
                self.connect()
            return bool(self.smtp.has_extn("8bitmime"))
        except TRANSPORT_ERRORS:
            return False

    def _send_in_steps(self, sender, recipient, data, eight_bit):
        """Without PIPELINING: MAIL, RCPT and DATA each waiting for its answer (what smtplib's
        sendmail does, but with a body that is stuffed already)."""
        smtp = self.smtp
        code, msg = smtp.mail(sender, ["BODY=8BITMIME"] if eight_bit else [])
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, msg, sender)
        code, msg = smtp.rcpt(recipient)
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: (code, msg)})
        self._data(data)

    def _data(self, data):
        smtp = self.smtp
        code, msg = smtp.docmd("data")
        if code != 354:
            raise smtplib.SMTPDataError(code, msg)
        smtp.send(data)
        code, msg = smtp.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, msg)

    def _send_pipelined(self, sender, recipient, data, eight_bit):
        """MAIL, RCPT and DATA in one write (RFC 2920): one round trip instead of three."""
        self.start(sender, recipient, eight_bit)
        self._envelope_answers(sender, recipient)
        self.smtp.send(data)  # dot-stuffed and terminated (``send``)
        code, msg = self.smtp.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, msg)

    def _envelope_answers(self, sender, recipient):
        """Read the answers to MAIL, RCPT and DATA; raise the refusal if there is one."""
        smtp = self.smtp
        mail_code, mail_msg = smtp.getreply()
        rcpt_code, rcpt_msg = smtp.getreply()
        data_code, data_msg = smtp.getreply()
        if mail_code != 250:
            raise smtplib.SMTPSenderRefused(mail_code, mail_msg, sender)
        if rcpt_code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_msg)})
        if data_code != 354:
            raise smtplib.SMTPDataError(data_code, data_msg)

    def drop(self):
        """Forget the connection after a connection error: the next send reconnects."""
        self.smtp = None

    def abandon(self):
        """Close the connection without a word (its answers are no longer in step with what
        was sent, or it is inside a mail's DATA): the server discards an unfinished mail."""
        if self.smtp is not None:
            with contextlib.suppress(OSError):
                self.smtp.close()
        self.smtp = None

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


@dataclass(frozen=True)
class SmtpFailure:
    """What the server (or the network) said when a mail did not go out."""

    code: int | None  # None: no answer (connection refused, reset, timeout)
    message: str

    @classmethod
    def from_exception(cls, exc):
        return cls(*classify_smtp_error(exc))

    @property
    def permanent(self):
        """5xx: retrying will not help."""
        return self.code is not None and self.code >= 500

    @property
    def hard_bounce(self):
        """The address does not exist: suppress the subscriber."""
        return self.code in HARD_BOUNCE_CODES

    @property
    def connection_lost(self):
        return self.code is None

    def __str__(self):
        return f"{self.code or ''} {self.message}".strip()


def classify_smtp_error(exc):
    """(code, message) of a failed send; code None for connection errors."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(exc.recipients.values()))
        return code, message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    if isinstance(exc, smtplib.SMTPResponseException):
        message = exc.smtp_error
        return exc.smtp_code, message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return None, f"{type(exc).__name__}: {exc}"


class RateLimiter:
    """Per-site mails per minute, shared by all workers through the cache (Redis).

    When the cache cannot be reached the limit is kept per worker process instead (the send
    goes on; with several workers the network may then send up to that many times the rate)."""

    def __init__(self, site_id, per_minute):
        self.site_id = site_id
        self.per_minute = per_minute
        self.local = {}  # window -> mails counted in this process while the cache is down

    def acquire(self, n):
        if not self.per_minute:
            return
        while True:
            window = int(time.time() // 60)
            try:
                used = self._count_shared(window, n)
            except ValueError:
                continue
            except CACHE_ERRORS:
                used = self._count_local(window, n)
            if used <= self.per_minute:
                return
            with contextlib.suppress(*CACHE_ERRORS):
                cache.decr(self._key(window), n)
            self.local[window] = self.local.get(window, n) - n
            time.sleep(max(0.05, (window + 1) * 60 - time.time()))

    def _key(self, window):
        return f"newsletter:rate:{self.site_id}:{window}"

    def _count_shared(self, window, n):
        cache.add(self._key(window), 0, 120)
        return cache.incr(self._key(window), n)

    def _count_local(self, window, n):
        self.local = {window: self.local.get(window, 0) + n}
        return self.local[window]
