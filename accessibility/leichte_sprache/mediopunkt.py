"""Propose a Mediopunkt (or hyphen) split of a German compound, from HanTa's morphology.

Leichte Sprache marks the parts of long compounds: ``Handlungs·strategien`` (Mediopunkt,
U+00B7, the Duden/Netzwerk-Leichte-Sprache-friendly variant) or ``Handlungs-Strategien``
(hyphen, Inclusion-Europe style, each part capitalised). Each site chooses its separator.

How the split is chosen:
* HanTa segments the word into morphemes, e.g. ``[handlung NN][s FUGE][strategie NN][n SUF_NN]``.
* A new part starts at every stem morpheme that follows another stem; linking elements
  (Fugen-s), suffixes and inflection stay with the part on their left, prefixes and verb
  particles join the stem on their right.
* Only the split before the head (the last part) is always made. The left side is split
  further only while it is itself long (12+ letters): ``Netzwerk·projekte`` rather than
  ``Netz·werk·projekte``, but ``Integrations·kurs·angebote``.
* Parts shorter than 3 letters are never cut off.
"""

from __future__ import annotations

from . import morphology

__all__ = ["propose_split", "compound_parts"]

_ATTACH_LEFT_PREFIXES = ("SUF", "FUGE")
_ATTACH_RIGHT_PREFIXES = ("PREF", "PTKVZ")
_MIN_PART = 3
_SPLIT_LEFT_FROM = 12
_SEPARATORS = ("·", "-", "\u00b7")


def _is_stem(mtag: str) -> bool:
    return not mtag.startswith(_ATTACH_LEFT_PREFIXES + _ATTACH_RIGHT_PREFIXES)


def compound_parts(word: str, pos_hint: str | None = None) -> list[str] | None:
    """Split ``word`` into its compound parts (original spelling kept), or None.

    Capitalised words are analysed as nouns first (long capitalised words almost always
    are; HanTa's free guess sometimes calls an unknown compound an adjective), then with
    ``pos_hint`` (the tag the sentence tagger gave the word) or, without a hint, freely.
    """
    if not isinstance(word, str) or not word.isalpha():
        return None
    candidates = ["NN"] if word[:1].isupper() else []
    fallback = pos_hint if pos_hint and pos_hint not in ("UNKNOWN", "EMPTY") else None
    if fallback not in candidates:
        candidates.append(fallback)
    for pos in candidates:
        parts = _parts_from(word, morphology.analyze(word, pos, taglevel=3))
        if parts:
            return parts
    return None


def _parts_from(word: str, result) -> list[str] | None:
    if not result:
        return None
    _, morphemes, _ = result
    if "".join(m for m, _ in morphemes) != word.lower():
        return None
    # Group morphemes into parts: [(start, end)] in character offsets.
    parts: list[list[int]] = []
    pending_prefix_start: int | None = None
    seen_stem_in_part = False
    pos = 0
    for morpheme, mtag in morphemes:
        start, end = pos, pos + len(morpheme)
        pos = end
        if mtag.startswith(_ATTACH_RIGHT_PREFIXES):
            if pending_prefix_start is None:
                pending_prefix_start = start
            continue
        if _is_stem(mtag):
            begin = pending_prefix_start if pending_prefix_start is not None else start
            pending_prefix_start = None
            if parts and seen_stem_in_part:
                parts.append([begin, end])
            elif parts:
                parts[-1][1] = end
            else:
                parts.append([begin, end])
            seen_stem_in_part = True
            continue
        # suffix / linking element: stays left
        if pending_prefix_start is not None:  # e.g. "ge" + ... with no stem yet
            if parts:
                parts[-1][1] = end
            else:
                parts.append([pending_prefix_start, end])
            pending_prefix_start = None
            continue
        if parts:
            parts[-1][1] = end
        else:
            parts.append([start, end])
    if pending_prefix_start is not None:
        if parts:
            parts[-1][1] = pos
        else:
            return None
    # Never leave tiny parts: merge them into a neighbour.
    merged: list[list[int]] = []
    for part in parts:
        if merged and (part[1] - part[0] < _MIN_PART or merged[-1][1] - merged[-1][0] < _MIN_PART):
            merged[-1][1] = part[1]
        else:
            merged.append(list(part))
    if len(merged) < 2:
        return None
    return [word[a:b] for a, b in merged]


def _choose(parts: list[str]) -> list[str]:
    """Split before the head; split the modifier further only while it is long."""
    if len(parts) <= 1:
        return parts
    left, head = parts[:-1], parts[-1]
    if len("".join(left)) >= _SPLIT_LEFT_FROM:
        return _choose(left) + [head]
    return ["".join(left), head]


def propose_split(word: str, separator: str = "·", *, pos_hint: str | None = None) -> str | None:
    """Return ``word`` with its compound parts joined by ``separator``, or None.

    ``propose_split("Handlungsstrategien")`` → ``"Handlungs·strategien"``;
    with ``separator="-"`` → ``"Handlungs-Strategien"`` (parts after the first capitalised,
    as hyphenated Leichte Sprache writes them). None if the word is not a compound.
    ``pos_hint`` is an optional HanTa tag from sentence context (saves one analysis).
    """
    if not isinstance(word, str):
        raise TypeError(f"propose_split() expects a str, got {type(word).__name__}")
    if not isinstance(separator, str) or not separator:
        raise ValueError("separator must be a non-empty string, e.g. '·' or '-'")
    if any(s in word for s in _SEPARATORS):
        return None
    parts = compound_parts(word, pos_hint)
    if not parts:
        return None
    chosen = _choose(parts)
    if separator.strip() in ("-", "\u2010", "\u2011"):
        chosen = [chosen[0]] + [p[:1].upper() + p[1:] for p in chosen[1:]]
    return separator.join(chosen)
