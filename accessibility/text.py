"""The text of a page in reading order: title, then each field and StreamField block as a
reader meets them (headings, paragraphs, list items, quotes, info boxes …).

Every builder uses this one function, so the audio, the PDF, the Leichte Sprache check and the
content hash that decides whether anything must be rebuilt all see the same text."""

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from wagtail.rich_text import expand_db_html

# Fields read in this order when a page type has them (other fields are not text for readers).
TEXT_FIELDS = ("intro", "teaser", "purpose", "body", "agenda", "minutes", "results")
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "br", "tr"}
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


@dataclass(frozen=True)
class Part:
    """One unit of text in reading order: ``kind`` is title, heading, paragraph, item or quote."""

    kind: str
    text: str
    level: int = 0


def clean(text):
    """Normalise text for reading: NFC, no zero-width or direction-control characters, single
    spaces. Emoji and right-to-left letters stay (the speech engine and PDF handle them)."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


class _RichTextParts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.buffer = []
        self.kind = "paragraph"
        self.level = 0

    def flush(self):
        text = clean("".join(self.buffer))
        if text:
            self.parts.append(Part(self.kind, text, self.level))
        self.buffer = []
        self.kind, self.level = "paragraph", 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.flush()
            if tag in HEADING_TAGS:
                self.kind, self.level = "heading", HEADING_TAGS[tag]
            elif tag == "li":
                self.kind = "item"
            elif tag == "blockquote":
                self.kind = "quote"

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        self.buffer.append(data)


def rich_text_parts(html):
    parser = _RichTextParts()
    parser.feed(expand_db_html(str(html or "")))
    parser.close()
    parser.flush()
    return parser.parts


def _block_parts(block_type, value):
    """Parts of one StreamField block of home.blocks.BodyBlock (and the meeting blocks)."""
    if block_type == "heading":
        level = {"h2": 2, "h3": 3, "h4": 4}.get(value.get("level"), 2)
        return [Part("heading", clean(value.get("text")), level)]
    if block_type == "paragraph":
        return rich_text_parts(value.source if hasattr(value, "source") else value)
    if block_type == "quote":
        parts = [Part("quote", clean(value.get("text")))]
        if value.get("attribution"):
            parts.append(Part("paragraph", clean(value.get("attribution"))))
        return parts
    if block_type == "info_box":
        parts = [Part("heading", clean(value.get("title")), 3)] if value.get("title") else []
        text = value.get("text")
        return parts + rich_text_parts(text.source if hasattr(text, "source") else text)
    if block_type == "documents" and value.get("title"):
        return [Part("heading", clean(value.get("title")), 3)]
    if block_type == "button":
        return [Part("paragraph", clean(value.get("label")))]
    if block_type == "item":  # agenda item
        return [Part("item", clean(" – ".join(x for x in (value.get("title"), value.get("description")) if x)))]
    if block_type == "result":
        return [Part("item", clean(value.get("text")))]
    return []  # images and others carry no reading text of their own


def reading_order(page):
    """The page's text as a list of :class:`Part`, title first, empty parts left out."""
    parts = [Part("title", clean(page.title), 1)]
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if value is None or value == "":
            continue
        if hasattr(value, "raw_data") or hasattr(value, "stream_block"):  # StreamValue
            for block in value:
                parts.extend(_block_parts(block.block_type, block.value))
        elif name in ("intro", "purpose", "minutes"):
            parts.extend(rich_text_parts(value))
        else:
            parts.append(Part("paragraph", clean(value)))
    phases = getattr(page, "phases", None)
    if phases is not None and hasattr(phases, "all"):
        for phase in phases.all():
            parts.append(Part("heading", clean(phase.title), 2))
            parts.extend(rich_text_parts(phase.text))
    return [p for p in parts if p.text]


def plain_text(parts):
    """One part per line: what the checker reads (one sentence per line is a rule) and what is
    spoken. Headings get no full stop added; the checker knows line ends end sentences."""
    return "\n".join(p.text for p in parts)


def content_hash(parts, extra=""):
    digest = hashlib.sha256()
    for p in parts:
        digest.update(f"{p.kind}\x1f{p.level}\x1f{p.text}\x1e".encode())
    digest.update(extra.encode())
    return digest.hexdigest()


def word_count(parts):
    return sum(len(p.text.split()) for p in parts)
