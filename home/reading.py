"""What a block gives to readers who do not look at the page: its text in reading order, as
:class:`Part` units (title, heading, paragraph, item, quote).

Every block of ``home.blocks`` says what it reads out through a ``reading_parts(value)``
method built from these helpers; the audio, the PDF, the Leichte Sprache check and the content
hash (``accessibility.text``) all read pages through those methods, so a new block type
decides for itself what it contributes instead of silently being left out."""

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from wagtail.rich_text import expand_db_html

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
    """Parts of rich text (a RichText value, its database HTML, or plain HTML)."""
    html = html.source if hasattr(html, "source") else html
    parser = _RichTextParts()
    parser.feed(expand_db_html(str(html or "")))
    parser.close()
    parser.flush()
    return parser.parts
