"""Building one recipient's mail from a rendered variant of an issue.

An issue is rendered once per variant (``rendering``); a ``Variant`` keeps that rendering split
at its placeholders, already encoded, so a recipient's mail is a join of ready-made byte
segments and a few personal values (greeting, unsubscribe and preference links). What every
mail of a batch shares — sender, date, the site's link prefixes, the List-Unsubscribe mailto —
is a ``Letterhead``, built once per batch; its links come from ``reverse()`` on the
newsletter's URL patterns, so ``newsletter/urls.py`` stays the one place that owns them.
"""

import binascii
import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from email.header import Header
from email.utils import formatdate, parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from .rendering import GREETING, PREFERENCES_URL, UNSUBSCRIBE_URL, render_issue
from .tokens import manage_token

GREETINGS = {"de": ("Hallo {name},", "Hallo,"), "en": ("Hello {name},", "Hello,")}
DEFAULT_LANGUAGE = "de"  # what every issue is written in
_TOKEN = "TOKEN-PLACEHOLDER"  # stands for the subscriber's token while reversing a URL once


def _link_templates(name):
    """{language: (prefix, suffix)} of a newsletter URL around its token, from the URL patterns:
    a mail in Turkish links to /tr/newsletter/…, so its reader lands on Turkish pages; German
    stays unprefixed."""
    templates = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefix, _, suffix = reverse(f"newsletter:{name}", kwargs={"token": _TOKEN}).partition(_TOKEN)
        templates[code] = (prefix, suffix)
    return templates


def issue_in_language(issue, language):
    """(issue, language) to render for a subscriber who chose ``language``.

    The issue's translation in that language when one exists and is live (wagtail-localize
    translates translatable models); otherwise the German issue, rendered in German — texts,
    dates, greeting and ``<html lang="de">`` — so a mail is never German text dressed as
    another language. Issues that are not translatable always come out German."""
    if language != DEFAULT_LANGUAGE and hasattr(issue, "get_translation_or_none"):
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=language).first()
        translation = issue.get_translation_or_none(locale) if locale else None
        if translation is not None and getattr(translation, "live", True) and fully_translated(issue, translation):
            # page lists that fill themselves pick the same pages for every language and batch
            translation.send_started_at = issue.send_started_at
            return translation, language
    return issue, DEFAULT_LANGUAGE


def fully_translated(issue, translation):
    """Whether every text of ``translation`` is translated. wagtail-localize creates the
    translation at once as a copy of the German texts; until the translator has done every
    text, subscribers get the German issue in German, never German words marked as Turkish. A
    translation made without wagtail-localize (a copy the editor rewrote) counts as done."""
    from wagtail_localize.models import Translation, TranslationSource

    source = TranslationSource.objects.get_for_instance_or_none(issue)
    job = (
        Translation.objects.filter(source=source, target_locale_id=translation.locale_id).first()
        if source is not None
        else None
    )
    if job is None:
        return True
    total, done = job.get_progress()
    return done >= total


@dataclass(frozen=True)
class Letterhead:
    """What every mail of one batch shares: built once per batch, not per recipient."""

    sender: str  # the From header, e.g. "Runder Tisch <newsletter@example.org>"
    envelope_from: str
    domain: str
    base_url: str
    date: str
    eight_bit: bool
    unsubscribe: dict  # language → (prefix, suffix) around the token
    one_click: dict
    preferences: dict

    @classmethod
    def build(cls, sender, base_url, eight_bit=False):
        envelope_from = parseaddr(sender)[1]
        return cls(
            sender=sender,
            envelope_from=envelope_from,
            domain=envelope_from.rpartition("@")[2] or "localhost",
            base_url=base_url,
            date=formatdate(localtime=True),
            eight_bit=eight_bit,
            unsubscribe=_link_templates("unsubscribe"),
            one_click=_link_templates("one_click"),
            preferences=_link_templates("preferences"),
        )

    @property
    def list_mailto(self):
        return f"unsubscribe@{self.domain}"

    def return_path(self, delivery_id):
        """The envelope sender of one delivery (VERP): a bounce names the delivery it is about."""
        from .bounces import return_path

        return return_path(delivery_id, self.domain)

    def link(self, templates, token, language=DEFAULT_LANGUAGE):
        prefix, suffix = templates.get(language) or templates[DEFAULT_LANGUAGE]
        return f"{self.base_url}{prefix}{token}{suffix}"

    def message_id(self, issue_id, delivery_id):
        """Stable per delivery: a resend after a crash carries the same Message-ID."""
        return f"<newsletter.{issue_id}.{delivery_id}@{self.domain}>"


def warm_up():
    """Build a throw-away ``Letterhead``, as the first batch would. Its links, reversed in every
    language, import the URL configuration, fill its resolver and load each language's
    translations the first time: 0.52 s on the bench machine, which a new worker process would
    otherwise spend while the first recipient waits (and with four sender threads, all four).
    Never fails: it only saves time (a broken URL configuration shows in the first send)."""
    try:
        Letterhead.build("", "")
    except Exception:
        return False
    return True


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


def _split(content):
    """[literal, placeholder, literal, placeholder, ...]"""
    parts = [content]
    for placeholder in (GREETING, UNSUBSCRIBE_URL, PREFERENCES_URL):
        split = []
        for i, part in enumerate(parts):
            if i % 2 == 1:
                split.append(part)
                continue
            for j, piece in enumerate(part.split(placeholder)):
                if j:
                    split.append(placeholder)
                split.append(piece)
        parts = split
    return parts


def _encoded(parts):
    return [p if i % 2 else p.replace("\r\n", "\n").replace("\n", "\r\n").encode() for i, p in enumerate(parts)]


def _fill(parts, values):
    return "".join(values[p] if i % 2 else p for i, p in enumerate(parts))


def _fill_bytes(parts, values):
    return b"".join(values[p] if i % 2 else p for i, p in enumerate(parts))


def dot_stuff(data):
    """What goes on the wire after DATA (RFC 5321 4.5.2): a dot at the start of a line doubled,
    then the terminating dot. ``data`` ends with CRLF."""
    if data.startswith(b"."):
        data = b"." + data
    return data.replace(b"\r\n.", b"\r\n..") + b".\r\n"


def _stuff_inside(parts):
    """The literal segments dot-stuffed where the line start is inside the segment (once per
    variant: on a 38 KB body, searching for CRLF-dot cost a third of a mail's CPU). A line
    that starts where a segment meets a value is handled by ``_fill_stuffed``."""
    return [p if i % 2 else p.replace(b"\r\n.", b"\r\n..") for i, p in enumerate(parts)]


def _fill_stuffed(parts, values, out):
    """Append the filled segments of a body to ``out``, dot-stuffed. The literal segments are
    stuffed inside already (``_stuff_inside``); a segment or value that begins a line with a
    dot gets its dot doubled here. Values hold no CR or LF, and literal segments only CRLF
    line ends (``_encoded``), so a segment ending with LF ends a line. The body begins a line."""
    line_start = True
    for i, p in enumerate(parts):
        if i % 2:
            p = values[p]
        if p:
            if line_start and p[0] == 46:  # "."
                out.append(b".")
            out.append(p)
            line_start = p[-1] == 10  # "\n"


class Variant:
    """One rendering of an issue (edition × language × topics) split at the placeholders."""

    def __init__(self, rendered, language):
        self.rendered = rendered
        self.language = language
        self.html_parts = _split(rendered.html)
        self.text_parts = _split(rendered.text)
        self.subject = _header_value(rendered.subject).encode()
        # For servers that take 8BITMIME: the body as bytes once, lines kept short, so a mail
        # is a join of ready-made segments and a few encoded values (no per-recipient QP).
        self.html_8bit = _encoded(_split(_wrap_long_lines(rendered.html)))
        self.text_8bit = _encoded(_split(_wrap_long_lines(rendered.text)))
        self.html_wire = _stuff_inside(self.html_8bit)
        self.text_wire = _stuff_inside(self.text_8bit)

    def greeting(self, name):
        with_name, without_name = GREETINGS.get(self.language, GREETINGS["de"])
        # one line: a line break in a name would break the mail's lines (and the dot-stuffing)
        return with_name.format(name=" ".join(name.splitlines())) if name else without_name

    def message(self, letterhead, *, recipient, name, token, message_id):
        """The complete mail (bytes, CRLF line ends) for one recipient."""
        return self._build(letterhead, recipient, name, token, message_id, wire=False)

    def wire(self, letterhead, *, recipient, name, token, message_id):
        """The mail as it goes on the wire after DATA: dot-stuffed and with the terminating dot
        (``smtp.PersistentSmtp.send(..., stuffed=True)``). Over 8BITMIME the body is joined
        from segments stuffed once per variant; otherwise the whole mail is stuffed here."""
        return self._build(letterhead, recipient, name, token, message_id, wire=True)

    def _build(self, letterhead, recipient, name, token, message_id, wire):
        # the pages behind the links speak the mail's language
        unsubscribe = letterhead.link(letterhead.unsubscribe, token, self.language)
        one_click = letterhead.link(letterhead.one_click, token, self.language)
        preferences = letterhead.link(letterhead.preferences, token, self.language)
        greeting = self.greeting(name)
        html_values = {GREETING: escape(greeting), UNSUBSCRIBE_URL: unsubscribe, PREFERENCES_URL: preferences}
        text_values = {GREETING: greeting, UNSUBSCRIBE_URL: unsubscribe, PREFERENCES_URL: preferences}
        boundary = "=_nl_" + message_id.strip("<>").split("@")[0]
        head = (
            f"From: {letterhead.sender}\r\nTo: {recipient}\r\nSubject: ".encode()
            + self.subject
            + (
                f"\r\nDate: {letterhead.date}\r\nMessage-ID: {message_id}\r\nMIME-Version: 1.0\r\n"
                f"List-Unsubscribe: <{one_click}>, <mailto:{letterhead.list_mailto}?subject=unsubscribe%20{token}>\r\n"
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
            ).encode()
        )
        encoding = "8bit" if letterhead.eight_bit else "quoted-printable"
        text_head = (
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        ).encode()
        html_head = (
            f"\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\n\r\n"
        ).encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        if letterhead.eight_bit and wire:
            # one join of ready-made, already stuffed segments: no pass over the whole mail
            out = [head, text_head]
            _fill_stuffed(self.text_wire, {k: v.encode() for k, v in text_values.items()}, out)
            out.append(html_head)
            _fill_stuffed(self.html_wire, {k: v.encode() for k, v in html_values.items()}, out)
            out.append(tail + b".\r\n")
            return b"".join(out)
        if letterhead.eight_bit:
            text = _fill_bytes(self.text_8bit, {k: v.encode() for k, v in text_values.items()})
            html = _fill_bytes(self.html_8bit, {k: v.encode() for k, v in html_values.items()})
        else:
            text = _qp(_fill(self.text_parts, text_values))
            html = _qp(_fill(self.html_parts, html_values))
        data = b"".join((head, text_head, text, html_head, html, tail))
        return dot_stuff(data) if wire else data


class VariantCache:
    """The variants a worker process rendered, kept across its batches of the same send.

    Rendering an issue (blocks → template → MJML) costs tens of milliseconds and a few dozen
    queries; per batch of 500 that was a third of a worker's time. A variant is kept for the
    send it was rendered for — the key names the issue's content and the send's start — so a
    republished issue or a later send renders afresh, and every recipient of one
    send gets the same content from this process. Bounded (least recently used goes first);
    shared by the threads of a process (``batch``), so a render happens under a lock."""

    def __init__(self, size=64):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def key(issue, send_started_at, edition, language, topics):
        """The issue's identity and content (a fingerprint of subject, preheader and blocks,
        so an edit saved without a new revision counts too), the send, and the variant."""
        content = json.dumps([issue.subject, issue.preheader, issue.body.raw_data], sort_keys=True, default=str)
        return (
            issue.pk,
            hashlib.blake2b(content.encode(), digest_size=16).digest(),
            send_started_at,
            edition,
            language,
            topics,
        )

    def get(self, key, render):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
            value = render()
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
            return value

    def clear(self):
        with self.lock:
            self.entries.clear()


variant_cache = VariantCache()


class BatchMessages:
    """Builds the mails of one batch: each variant rendered once per send and worker process
    (``variant_cache``), each recipient's mail personalised from it. ``before_render`` runs
    before a render's database queries."""

    def __init__(self, issue, letterhead, before_render=None):
        self.issue = issue
        self.letterhead = letterhead
        self.before_render = before_render or (lambda: None)
        self.variants = {}
        self.languages = {}  # subscriber's language → (issue or its translation, language of the mail)

    def variant(self, edition, language, topics):
        """None when nothing in the issue fits the subscriber's topics."""
        if language not in self.languages:
            self.before_render()  # the lookup queries the database
            self.languages[language] = issue_in_language(self.issue, language)
        issue, language = self.languages[language]
        key = (edition, issue.pk, language, topics)
        if key not in self.variants:

            def render():
                self.before_render()
                rendered = render_issue(issue, edition=edition, language=language, topics=topics)
                return Variant(rendered, language) if rendered else None

            cache_key = VariantCache.key(issue, self.issue.send_started_at, edition, language, topics)
            self.variants[key] = variant_cache.get(cache_key, render)
        return self.variants[key]

    def personalise(self, variant, *, delivery_id, recipient, name, subscriber_id):
        """(Message-ID, the mail as it goes on the wire after DATA: ``Variant.wire``)."""
        message_id = self.letterhead.message_id(self.issue.pk, delivery_id)
        token = manage_token(subscriber_id)
        return message_id, variant.wire(
            self.letterhead, recipient=recipient, name=name, token=token, message_id=message_id
        )
