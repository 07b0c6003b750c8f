"""The text of a page in reading order: title, then each field and StreamField block as a
reader meets them (headings, paragraphs, list items, quotes, info boxes …).

Every builder uses this one function, so the audio, the PDF, the Leichte Sprache check and the
content hash that decides whether anything must be rebuilt all see the same text."""

import hashlib

from home.reading import Part, clean, rich_text_parts

__all__ = ["Part", "clean", "content_hash", "plain_text", "reading_order", "rich_text_parts", "word_count"]

# Fields read in this order when a page type has them (other fields are not text for readers).
TEXT_FIELDS = ("intro", "teaser", "purpose", "body", "agenda", "minutes", "results")


def reading_order(page):
    """The page's text as a list of :class:`Part`, title first, empty parts left out."""
    parts = [Part("title", clean(page.title), 1)]
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if value is None or value == "":
            continue
        if hasattr(value, "raw_data") or hasattr(value, "stream_block"):  # StreamValue
            for block in value:
                parts.extend(block.block.reading_parts(block.value))
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
