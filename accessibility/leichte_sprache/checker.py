"""Leichte Sprache checker: the rules software can check, with spans for the editor.

``check(text)`` returns a :class:`Report` with findings (rule id, character span into the
original string, German message and suggestion) and readability scores. Pure Python: no
Django import is needed (``gettext`` is used when Django is importable and configured).

Decisions (see also the docstrings of the rule functions):

* **Konjunktiv** flags wäre, würde, könnte, hätte, müsste, sollte, dürfte, bräuchte and the
  common strong forms (käme, gäbe, ginge …) plus Konjunktiv I ``sei``/``seien`` in reported
  speech. **möchte/möchten is accepted**: the Netzwerk Leichte Sprache rules and most guides
  use „Ich möchte …“ as the plain way to say "want"; flagging it would be noise.
* **Präteritum** flags simple past of full verbs only (HanTa tag ``VV(FIN)`` with a past
  suffix or a past ablaut stem). ``war``/``hatte`` (sein/haben) and past tense of modal verbs
  (konnte, wollte, musste) are accepted: guides allow them because the Perfekt of these verbs
  is harder to read.
* **Passive** is the Vorgangspassiv: a form of *werden* (incl. *worden*, *würde*) and a past
  participle in the same clause. Zustandspassiv (*ist geöffnet*) is not flagged.
* **Numbers**: numbers above 1,000 (years 1900–2099 written without grouping are accepted),
  decimal numbers, percent, Roman numerals (2+ letters from I V X L C), and numbers written
  as words (zwei … neunundneunzigtausend; not *ein/eine*, which is mostly the article).
  The suggestion gives the digits (``dreiundzwanzig`` → ``23``).
* **Special characters**: ``%`` right after a number is reported by *numbers* only, dashes in
  ranges by *dates* only; characters inside URLs and e-mail addresses are ignored.
* **Glossary** format: ``{"Treffen": "Sitzung|Versammlung"}`` — key is the preferred word,
  value the non-preferred variants separated by ``|`` (a list of strings works too).
  Single-word variants match by word form or lemma (``Sitzungen`` → Sitzung), case
  insensitive; multi-word variants (``Runder Tisch``) match as a phrase.
* **Sentences** end at ``. ! ?`` (not after known abbreviations, not after ordinal numbers
  such as *am 3. März*), at blank lines, and at a line break when the next line starts with
  a capital, a digit or a bullet. A line break before a lower-case word continues the
  sentence (Leichte Sprache breaks lines at sense units).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from . import morphology
from .mediopunkt import propose_split

try:  # translated when running inside Django, identity otherwise
    from django.utils.translation import gettext as _django_gettext

    def _(message: str) -> str:
        try:
            return _django_gettext(message)
        except Exception:  # settings not configured: plain Python use
            return message

except ImportError:  # pragma: no cover - Django is optional

    def _(message: str) -> str:
        return message


__all__ = [
    "check",
    "split_sentences",
    "Report",
    "Finding",
    "Scores",
    "TextTooLong",
    "RULES",
    "MAX_WORDS",
    "MAX_SENTENCE_WORDS",
    "LONG_WORD_LETTERS",
]

RULES = (
    "sentence_length",
    "two_statements",
    "passive",
    "genitive",
    "konjunktiv",
    "negation",
    "abbreviation",
    "long_word",
    "numbers",
    "dates",
    "special_characters",
    "praeteritum",
    "line_per_sentence",
    "glossary",
)

MAX_SENTENCE_WORDS = 12
LONG_WORD_LETTERS = 14
MAX_WORDS = 200_000
_MAX_CHARS = MAX_WORDS * 40  # a cheap guard before any regex runs over the text


class TextTooLong(ValueError):
    """The text is longer than the checker accepts in one call."""


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Finding:
    rule: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Scores:
    flesch_amstad: float = 0.0
    wiener_sachtextformel: float = 0.0
    sentences: int = 0
    words: int = 0
    syllables: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    scores: Scores = field(default_factory=Scores)

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings], "scores": self.scores.to_dict()}

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]


# --------------------------------------------------------------------------- tokens

_ZW = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width space/joiners, BOM
_ZW_RE = re.compile(f"[{_ZW}]")
_HYPHENS = "-\u2010\u2011"
_MEDIOPUNKT = "\u00b7"

_MULTI_ABBR = [
    r"z\.\s?B\.",
    r"d\.\s?h\.",
    r"u\.\s?a\.",
    r"u\.\s?U\.",
    r"o\.\s?ä\.",
    r"s\.\s?o\.",
    r"s\.\s?u\.",
    r"z\.\s?T\.",
    r"v\.\s?a\.",
    r"i\.\s?d\.\s?R\.",
    r"u\.\s?s\.\s?w\.",
    r"u\.\s?v\.\s?m\.",
    r"z\.\s?Zt\.",
    r"i\.\s?A\.",
    r"m\.\s?E\.",
    r"o\.\s?g\.",
]
_SINGLE_ABBR = [
    "usw",
    "bzw",
    "ca",
    "ggf",
    "ggfs",
    "evtl",
    "inkl",
    "exkl",
    "bzgl",
    "zzgl",
    "Nr",
    "Tel",
    "Str",
    "etc",
    "vgl",
    "Hr",
    "Hrn",
    "Fr",
    "Dr",
    "Prof",
    "Mo",
    "Di",
    "Mi",
    "Do",
    "Sa",
    "Abs",
    "Mio",
    "Mrd",
    "Std",
    "Min",
    "max",
    "min",
    "sog",
    "tägl",
    "jährl",
    "gem",
    "lt",
    "Jh",
    "Bd",
    "Kap",
    "Abt",
    "allg",
    "Anm",
    "Ausg",
    "Bhf",
    "geb",
    "gest",
    "Jan",
    "Febr",
    "Feb",
    "Aug",
    "Sept",
    "Okt",
    "Nov",
    "Dez",
]
_ABBR_WORDS = frozenset(_SINGLE_ABBR)

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"„“”]*[^\s<>"„“”.,;:!?)\]])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbr>(?<![^\W\d_])(?:"""
    + "|".join(_MULTI_ABBR)
    + r"|(?:"
    + "|".join(_SINGLE_ABBR)
    + r""")\.)(?![^\W\d_]))
  | (?P<date>(?<![\d.])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?)(?![\d]))
  | (?P<num>\d+(?:[.,:\u202f\u00a0]\d+)*)
  | (?P<word>[^\W\d_](?:[\w"""
    + _ZW
    + r"""]|["""
    + re.escape("'’" + _MEDIOPUNKT + _HYPHENS)
    + r"""](?=\w))*(?:[*:_/]in(?:nen)?(?![\w]))?)
  | (?P<punct>[.!?…]+|\S)
    """,
    re.VERBOSE,
)


@dataclass
class Token:
    start: int
    end: int
    text: str  # slice of the original input
    norm: str  # zero-width characters removed
    kind: str  # url, email, abbr, date, num, word, punct
    tag: str = ""

    @property
    def lower(self) -> str:
        return self.norm.lower()

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "num", "abbr", "date")

    @property
    def weight(self) -> int:
        """Words this token stands for: "z. B." is read (and written) as two words."""
        if self.kind == "abbr":
            return max(1, self.text.count(".")) if re.search(r"\.\s?\w", self.text) else 1
        return 1


def _tokenize(text: str) -> list[Token]:
    tokens = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        raw = m.group()
        if kind == "punct" and raw in _ZW:
            continue
        norm = _ZW_RE.sub("", raw) if kind == "word" else raw
        append(Token(m.start(), m.end(), raw, norm, kind))
    return tokens


# --------------------------------------------------------------------------- sentences

_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_MONTH_WORDS = frozenset(_MONTHS) | {"Jänner", "Jan.", "Feb.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}
_ORDINAL_BEFORE = frozenset(
    [
        "am",
        "den",
        "vom",
        "zum",
        "bis",
        "ab",
        "dem",
        "der",
        "des",
        "die",
        "das",
        "im",
        "zur",
        "seit",
    ]
)
_LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
_FINAL_ABBR = frozenset({"usw.", "etc.", "u.s.w.", "u.v.m."})
_CLOSERS = frozenset(")]}\"'“”»›’")
_BULLETS = frozenset("-–—•*·▪►")


def _is_terminator(tok: Token) -> bool:
    return tok.kind == "punct" and tok.text[0] in ".!?…"


def _ordinal_dot(tokens: list[Token], i: int) -> bool:
    """Is the '.' at i the dot of an ordinal number (am 3. März) rather than a sentence end?"""
    prev = tokens[i - 1] if i > 0 else None
    if prev is None or prev.kind != "num" or prev.end != tokens[i].start or tokens[i].text != ".":
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and (nxt.text in _MONTH_WORDS or (nxt.kind == "word" and nxt.text[:1].islower())):
        return True
    before = tokens[i - 2] if i > 1 else None
    return before is not None and before.lower in _ORDINAL_BEFORE and nxt is not None and nxt.kind == "word"


def _initial_dot(tokens: list[Token], i: int) -> bool:
    """A. Kaya: a single capital letter followed by '.' and a capitalised name."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        prev is not None
        and prev.kind == "word"
        and len(prev.norm) == 1
        and prev.norm.isupper()
        and prev.end == tokens[i].start
        and tokens[i].text == "."
        and nxt is not None
        and nxt.kind == "word"
        and nxt.text[:1].isupper()
        and i >= 2
        and tokens[i - 2].kind == "word"
    )


def _street_dot(tokens: list[Token], i: int) -> bool:
    """Goethestr. 12: the dot of a street abbreviation followed by a house number."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        prev is not None
        and prev.kind == "word"
        and prev.end == tokens[i].start
        and prev.lower.endswith("str")
        and nxt is not None
        and nxt.kind == "num"
    )


def _split_sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of sentences."""
    sentences = []
    n = len(tokens)
    start = 0
    i = 0
    while i < n:
        tok = tokens[i]
        boundary_after = False
        if tok.kind == "abbr" and re.sub(r"\s", "", tok.text) in _FINAL_ABBR and i + 1 < n:
            nxt = tokens[i + 1]
            if nxt.kind == "word" and nxt.norm[:1].isupper() and nxt.start > tok.end:
                boundary_after = True  # "… Kurse usw. Das Fest …": the abbreviation ends the sentence
        elif _is_terminator(tok) and not (
            tok.text == "." and (_ordinal_dot(tokens, i) or _initial_dot(tokens, i) or _street_dot(tokens, i))
        ):
            # swallow closing quotes/brackets directly after the terminator
            while i + 1 < n and tokens[i + 1].text in _CLOSERS and tokens[i + 1].start == tokens[i].end:
                i += 1
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is None or nxt.start > tokens[i].end or tok.text[0] in "!?":
                boundary_after = True
        if not boundary_after and i + 1 < n:
            gap = text[tokens[i].end : tokens[i + 1].start]
            breaks = len(_LINE_BREAK_RE.findall(gap))
            if breaks:
                nxt = tokens[i + 1]
                first = nxt.norm[:1]
                if (
                    breaks >= 2
                    or "\u2029" in gap
                    or (first and (first.isupper() or first.isdigit() or first in _BULLETS))
                ):
                    boundary_after = True
        if boundary_after:
            sentences.append((start, i + 1))
            start = i + 1
        i += 1
    if start < n:
        sentences.append((start, n))
    return sentences


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences the checker sees in ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() expects a str, got {type(text).__name__}")
    tokens = _tokenize(text)
    return [(tokens[a].start, tokens[b - 1].end) for a, b in _split_sentences(text, tokens)]


# --------------------------------------------------------------------------- syllables

_pyphen = None


def _hyphenator():
    global _pyphen
    if _pyphen is None:
        import pyphen

        _pyphen = pyphen.Pyphen(lang="de_DE")
    return _pyphen


_VOWEL_GROUPS = re.compile(r"[aeiouäöüyáàâéèêëíìîïóòôúùûæœ]+", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables of one word; at least 1.

    pyphen's de_DE hyphenation points split the word into chunks (``in-te-gra-ti-on``,
    where a plain vowel count would merge "io"); within a chunk each vowel group counts
    once, which covers the syllables hyphenation leaves unsplit at word edges (``Idee``,
    ``Abend``: no hyphen after one letter). Non-Latin words count their vowel groups or 1.
    """
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return 1
    if not _is_latin_word(letters):
        return max(1, len(_VOWEL_GROUPS.findall(letters)))
    count = 0
    for part in re.split(r"[·\-\u2010\u2011]", word):
        part = "".join(ch for ch in part if ch.isalpha()).lower()
        if not part:
            continue
        for chunk in _hyphenator().inserted(part, hyphen="\x00").split("\x00"):
            count += len(_VOWEL_GROUPS.findall(chunk))
    return max(count, 1)


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


# --------------------------------------------------------------------------- lexicons

_FINITE = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)", "VV(IMP)", "VA(IMP)"})
_NOUNS = frozenset({"NN", "NE", "NNA"})
_COORD = frozenset({"und", "oder", "aber", "denn", "sondern", "doch"})
_SUBORD = frozenset(
    [
        "weil",
        "dass",
        "daß",
        "obwohl",
        "obgleich",
        "wenn",
        "falls",
        "nachdem",
        "bevor",
        "ehe",
        "damit",
        "ob",
        "sodass",
        "sobald",
        "solange",
        "seitdem",
        "indem",
        "wohingegen",
    ]
)
_SUBORD_BY_TAG = frozenset({"als", "da", "während", "bis", "seit", "wie", "wo"})
_WERDEN = frozenset(
    [
        "werde",
        "wirst",
        "wird",
        "werden",
        "werdet",
        "wurde",
        "wurdest",
        "wurden",
        "wurdet",
        "worden",
        "würde",
        "würdest",
        "würden",
        "würdet",
    ]
)
_KONJUNKTIV = frozenset(
    [
        "wäre",
        "wärst",
        "wärest",
        "wären",
        "wäret",
        "wärt",
        "würde",
        "würdest",
        "würden",
        "würdet",
        "könnte",
        "könntest",
        "könnten",
        "könntet",
        "hätte",
        "hättest",
        "hätten",
        "hättet",
        "müsste",
        "müsstest",
        "müssten",
        "müsstet",
        "müßte",
        "müßten",
        "sollte",
        "solltest",
        "sollten",
        "solltet",
        "dürfte",
        "dürftest",
        "dürften",
        "dürftet",
        "bräuchte",
        "bräuchten",
        "käme",
        "kämen",
        "gäbe",
        "gäben",
        "ginge",
        "gingen",
        "wüsste",
        "wüssten",
        "täte",
        "täten",
        "ließe",
        "ließen",
        "bliebe",
        "blieben",
        "stünde",
        "stünden",
        "stände",
        "ständen",
        "fände",
        "fänden",
        "hieße",
        "läge",
        "lägen",
        "seiest",
        "seiet",
    ]
)
_KONJUNKTIV_I = frozenset({"sei", "seien"})
_NEGATION = frozenset(
    [
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "keins",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "niemanden",
        "niemandem",
        "nirgends",
        "nirgendwo",
        "nirgendwohin",
        "weder",
    ]
)
_GEN_PREPOSITIONS = frozenset(
    [
        "wegen",
        "während",
        "trotz",
        "statt",
        "anstatt",
        "innerhalb",
        "außerhalb",
        "aufgrund",
        "mithilfe",
        "anhand",
        "bezüglich",
        "hinsichtlich",
        "infolge",
        "mittels",
        "oberhalb",
        "unterhalb",
        "seitens",
        "zugunsten",
        "angesichts",
    ]
)
_GEN_PRONOUNS = frozenset({"dessen", "deren", "wessen", "derer"})
_CAPS_IN_WORD_RE = re.compile(r"(?<![^\W\d_])[A-ZÄÖÜ]{2,6}s?(?![^\W\d_])")
_ROMAN_RE = re.compile(r"^(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_PAST_SUFFIXES = frozenset({"te", "test", "ten", "tet", "ete", "etest", "eten", "etet"})
_PRESENT_VAR = frozenset({"weiß", "weißt"})
_UNIT_WORDS = frozenset(
    [
        "euro",
        "€",
        "menschen",
        "personen",
        "teilnehmende",
        "kinder",
        "stunden",
        "minuten",
        "mitglieder",
        "frauen",
        "männer",
        "leute",
        "familien",
        "plätze",
        "seiten",
    ]
)
_WEEKDAYS = {
    "Mo": "Montag",
    "Di": "Dienstag",
    "Mi": "Mittwoch",
    "Do": "Donnerstag",
    "Fr": "Freitag",
    "Sa": "Samstag",
    "So": "Sonntag",
}

# "ein/eins" is mostly the article or a pronoun, "acht" also "Acht geben", "elf" also a fairy:
# number words only when HanTa tags them as cardinal numbers.
_AMBIGUOUS_NUMBER_WORDS = frozenset({"ein", "eins", "acht", "elf"})
_NUM_UNITS = {
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_NUM_TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_NUM_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
_NUM_BIG = {"million": 1_000_000, "millionen": 1_000_000, "milliarde": 1_000_000_000, "milliarden": 1_000_000_000}


def _below_100(s: str) -> int | None:
    if s in _NUM_UNITS:
        return _NUM_UNITS[s]
    if s in _NUM_TEENS:
        return _NUM_TEENS[s]
    if s in _NUM_TENS:
        return _NUM_TENS[s]
    if "und" in s:
        unit, _sep, tens = s.partition("und")
        if unit in _NUM_UNITS and tens in _NUM_TENS:
            return _NUM_UNITS[unit] + _NUM_TENS[tens]
    return None


def _below_1000(s: str) -> int | None:
    if "hundert" in s:
        left, _sep, right = s.partition("hundert")
        hundreds = 1 if left == "" else _NUM_UNITS.get(left)
        if hundreds is None:
            return None
        rest = 0 if right == "" else _below_100(right)
        return None if rest is None else hundreds * 100 + rest
    return _below_100(s)


def number_word_value(word: str) -> int | None:
    """Value of a German number word (zwei … neunhundertneunundneunzigtausend…), else None."""
    s = word.lower()
    if s in _NUM_BIG:
        return _NUM_BIG[s]
    if "tausend" in s:
        left, _sep, right = s.partition("tausend")
        thousands = 1 if left == "" else _below_1000(left)
        if thousands is None:
            return None
        rest = 0 if right == "" else _below_1000(right)
        return None if rest is None else thousands * 1000 + rest
    return _below_1000(s)


def _parse_number(raw: str) -> float | None:
    s = raw.replace("\u202f", "").replace("\u00a0", "")
    if ":" in s:
        return None  # a time
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+", s):
        return float(s)
    return None


def _group_digits(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# --------------------------------------------------------------------------- helpers


class _Ctx:
    def __init__(self, text: str, glossary: dict | None, separator: str):
        self.text = text
        self.separator = separator
        self.findings: list[Finding] = []
        self.glossary_words, self.glossary_phrases = _parse_glossary(glossary)

    def add(self, rule: str, start: int, end: int, message: str, suggestion: str) -> None:
        self.findings.append(Finding(rule, start, end, self.text[start:end], message, suggestion))


def _parse_glossary(glossary) -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    if glossary is None:
        return {}, []
    if not isinstance(glossary, dict):
        raise TypeError(
            f"glossary must be a dict like {{'Treffen': 'Sitzung|Versammlung'}}, got {type(glossary).__name__}"
        )
    words: dict[str, str] = {}
    phrases: list[tuple[re.Pattern, str]] = []
    for preferred, variants in glossary.items():
        if not isinstance(preferred, str):
            raise TypeError("glossary keys must be strings (the preferred word)")
        if isinstance(variants, str):
            items = variants.split("|")
        elif isinstance(variants, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in variants):
            items = list(variants)
        else:
            raise TypeError("glossary values must be 'Variante1|Variante2' or a list of strings")
        for variant in (v.strip() for v in items):
            if not variant or variant.lower() == preferred.strip().lower():
                continue
            if re.search(r"\s", variant):
                pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in variant.split()) + r"\w*(?!\w)"
                phrases.append((re.compile(pattern, re.IGNORECASE), preferred.strip()))
            else:
                words[variant.lower()] = preferred.strip()
    return words, phrases


def _lemma(tok: Token) -> str:
    result = morphology.analyze(tok.norm, tok.tag or None, taglevel=1)
    return result[0].lower() if result else tok.lower


# --------------------------------------------------------------------------- rules


def _rule_sentence_length(ctx: _Ctx, sent: list[Token], words: list[Token]) -> None:
    n = sum(w.weight for w in words)
    if n > MAX_SENTENCE_WORDS:
        ctx.add(
            "sentence_length",
            sent[0].start,
            sent[-1].end,
            _("Der Satz hat %(n)d Wörter. In Leichter Sprache höchstens %(max)d.")
            % {"n": n, "max": MAX_SENTENCE_WORDS},
            _("Teilen Sie den Satz in zwei Sätze."),
        )


def _clause_segments(sent: list[Token]) -> list[tuple[Token | None, list[Token]]]:
    """Split a sentence at commas, semicolons, coordinating and subordinating conjunctions.

    Returns (connector token, tokens of the segment) pairs; the first connector may be None.
    """
    segments: list[tuple[Token | None, list[Token]]] = [(None, [])]
    for idx, tok in enumerate(sent):
        low = tok.lower
        connector = False
        if tok.kind == "punct" and tok.text in ",;":
            connector = True
        elif tok.kind == "word":
            if (
                low in _COORD
                and tok.tag in ("KON", "ADV", "KOKOM", "KOUS")
                or low in _SUBORD
                or (low in _SUBORD_BY_TAG and tok.tag == "KOUS")
            ):
                connector = True
            elif tok.tag in ("PRELS", "PRELAT", "PWAV", "PWS", "PWAT") and idx > 0 and sent[idx - 1].text == ",":
                connector = True  # relative clause or indirect question: ", die …", ", wann …"
        if connector:
            segments.append((tok, []))
        else:
            segments[-1][1].append(tok)
    return segments


def _rule_two_statements(ctx: _Ctx, sent: list[Token]) -> None:
    segments = _clause_segments(sent)

    def has_verb(conn, toks):
        if any(t.tag in _FINITE for t in toks):
            return True
        # In a subordinate clause the finite verb stands last; HanTa often tags it as an
        # infinitive ("…, wenn viele kommen"). Count a clause-final verb there.
        if (
            conn is not None
            and conn.kind == "word"
            and (conn.lower in _SUBORD or conn.tag in ("KOUS", "PRELS", "PRELAT", "PWAV", "PWS", "PWAT"))
        ):
            verbs = [t for t in toks if t.tag in ("VV(INF)", "VA(INF)", "VM(INF)")]
            return (
                bool(verbs)
                and verbs[-1] is [t for t in toks if t.kind == "word"][-1]
                and not any(t.tag == "PTKZU" for t in toks)
            )
        return False

    verb_segments = [(conn, toks) for conn, toks in segments if has_verb(conn, toks)]
    if len(verb_segments) < 2:
        return
    # Report the word that opens a second statement (a conjunction or relative pronoun if
    # there is one, else the comma); for "Weil …, …" that is the opening "Weil".
    joints = [conn for conn, _toks in verb_segments if conn is not None]
    word_joints = [c for c in joints if c.kind == "word"]
    joint = word_joints[0] if word_joints else joints[0]
    count = len(verb_segments)
    if joint.kind != "word":
        message = _("Der Satz hat %(n)d Aussagen. Schreiben Sie eine Aussage pro Satz.") % {"n": count}
        suggestion = _("Setzen Sie statt des Kommas einen Punkt und beginnen Sie einen neuen Satz.")
    else:
        message = _("Der Satz hat %(n)d Aussagen, verbunden mit „%(w)s“. Schreiben Sie eine Aussage pro Satz.") % {
            "n": count,
            "w": joint.text,
        }
        if joint.lower in _COORD:
            suggestion = _("Machen Sie zwei Sätze daraus. Der zweite Satz darf mit „%(w)s“ beginnen.") % {
                "w": joint.norm[:1].upper() + joint.norm[1:]
            }
        elif joint.tag in ("PRELS", "PRELAT"):
            suggestion = _(
                "Machen Sie zwei Sätze daraus. Zum Beispiel: „Der Verein hat einen Raum. Der Raum ist in Mitte.“"
            )
        else:
            suggestion = _(
                "Machen Sie zwei Sätze daraus. Zum Beispiel: „Es regnet. Deshalb fällt das Fest aus.“ "
                "statt „Weil es regnet, fällt das Fest aus.“"
            )
    ctx.add("two_statements", joint.start, joint.end, message, suggestion)


def _rule_passive(ctx: _Ctx, sent: list[Token]) -> None:
    for _conn, clause in _clause_segments(sent):
        werden = [t for t in clause if t.lower in _WERDEN and t.tag.startswith("VA")]
        participles = [t for t in clause if t.tag == "VV(PP)"]
        if not werden or not participles:
            continue
        w, p = werden[0], participles[0]
        start, end = min(w.start, p.start), max(w.end, p.end)
        ctx.add(
            "passive",
            start,
            end,
            _("Passiv: „%(a)s … %(b)s“. In Leichter Sprache schreiben wir aktiv.")
            % ({"a": w.text, "b": p.text} if w.start < p.start else {"a": p.text, "b": w.text}),
            _("Sagen Sie, wer etwas tut. Zum Beispiel: „Wir prüfen den Antrag.“ statt „Der Antrag wird geprüft.“"),
        )


def _rule_genitive(ctx: _Ctx, sent: list[Token]) -> None:
    n = len(sent)
    for i, tok in enumerate(sent):
        if tok.kind != "word":
            continue
        low = tok.lower
        end_tok = None
        if low in _GEN_PRONOUNS and tok.tag in ("PRELAT", "PDS", "PRELS", "PDAT", "PWAT", "PIS", "PIAT"):
            end_tok = tok
        elif low in (
            "des",
            "eines",
            "einer",
            "der",
            "meines",
            "deines",
            "seines",
            "ihres",
            "unseres",
            "eures",
            "dieses",
            "jenes",
            "keines",
        ):
            # find the noun the article belongs to
            j = i + 1
            while j < n and sent[j].tag in ("ADJ(A)", "ADV", "CARD", "PIAT", "PPOSAT") and j - i < 5:
                j += 1
            noun = sent[j] if j < n and sent[j].tag in _NOUNS else None
            if noun is None:
                continue
            prev = sent[i - 1] if i > 0 else None
            if low in (
                "des",
                "eines",
                "meines",
                "deines",
                "seines",
                "ihres",
                "unseres",
                "eures",
                "dieses",
                "jenes",
                "keines",
            ):
                # masculine/neuter genitive: the noun ends in -s/-es (des Landes, eines Kurses)
                if low == "des" or noun.lower.endswith("s") or noun.tag == "NNA":
                    end_tok = noun
            elif prev is not None and (prev.tag in _NOUNS or prev.lower in _GEN_PREPOSITIONS):
                end_tok = noun
            if end_tok is not None:
                ctx.add(
                    "genitive",
                    tok.start,
                    end_tok.end,
                    _("Genitiv: „%(t)s“. Der Genitiv ist schwer zu verstehen.")
                    % {"t": ctx.text[tok.start : end_tok.end]},
                    _("Schreiben Sie mit „von“: zum Beispiel „das Büro von dem Verein“ statt „das Büro des Vereins“."),
                )
                continue
        elif tok.tag == "NE" and len(tok.norm) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
            nxt = sent[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.tag == "NN" and tok.norm[:1].isupper():
                ctx.add(
                    "genitive",
                    tok.start,
                    nxt.end,
                    _("Genitiv: „%(t)s“. Der Genitiv ist schwer zu verstehen.") % {"t": ctx.text[tok.start : nxt.end]},
                    _("Schreiben Sie mit „von“: zum Beispiel „der Kurs von Anna“ statt „Annas Kurs“."),
                )
            continue
        if end_tok is tok:
            ctx.add(
                "genitive",
                tok.start,
                tok.end,
                _("Genitiv: „%(t)s“. Der Genitiv ist schwer zu verstehen.") % {"t": tok.text},
                _("Schreiben Sie zwei Sätze oder verwenden Sie „von“."),
            )
        # genitive preposition followed by "des"/"der" is covered by the article branch


def _rule_konjunktiv(ctx: _Ctx, sent: list[Token]) -> None:
    for i, tok in enumerate(sent):
        if tok.kind != "word":
            continue
        low = tok.lower
        if low in _KONJUNKTIV or (low in _KONJUNKTIV_I and i > 0 and sent[i - 1].tag != "$("):
            if low in _KONJUNKTIV_I and i == 0:
                continue
            ctx.add(
                "konjunktiv",
                tok.start,
                tok.end,
                _("Konjunktiv: „%(w)s“. Das ist schwer zu verstehen.") % {"w": tok.text},
                _(
                    "Schreiben Sie direkt, was ist oder was man tun kann. "
                    "Zum Beispiel: „Sie können …“ statt „Sie könnten …“."
                ),
            )


def _rule_negation(ctx: _Ctx, sent: list[Token]) -> None:
    for tok in sent:
        if tok.kind == "word" and tok.lower in _NEGATION:
            ctx.add(
                "negation",
                tok.start,
                tok.end,
                _("Verneinung: „%(w)s“. Verneinungen werden leicht überlesen.") % {"w": tok.text},
                _("Schreiben Sie den Satz positiv, wenn es geht. Sonst schreiben Sie „%(w)s“ fett.") % {"w": tok.text},
            )


def _rule_abbreviation(ctx: _Ctx, sent: list[Token]) -> None:
    expansions = {
        "z.B.": "zum Beispiel",
        "d.h.": "das heißt",
        "u.a.": "unter anderem",
        "usw.": "und so weiter",
        "bzw.": "oder",
        "ca.": "ungefähr",
        "ggf.": "wenn nötig",
        "evtl.": "vielleicht",
        "Nr.": "Nummer",
        "inkl.": "mit",
        "Tel.": "Telefon",
        "Str.": "Straße",
        "etc.": "und so weiter",
        "vgl.": "siehe",
        "Dr.": "Doktor",
        "Prof.": "Professor",
        "Hr.": "Herr",
        "Mo.": "Montag",
        "Di.": "Dienstag",
        "Mi.": "Mittwoch",
        "Do.": "Donnerstag",
        "Fr.": "Freitag",
        "Sa.": "Samstag",
        "Std.": "Stunde",
        "Min.": "Minute",
        "Mio.": "Millionen",
        "Mrd.": "Milliarden",
        "u.U.": "vielleicht",
    }
    for k, tok in enumerate(sent):
        nxt = sent[k + 1] if k + 1 < len(sent) else None
        if (
            tok.kind == "word"
            and len(tok.norm) > 3
            and tok.lower.endswith("str")
            and nxt is not None
            and nxt.text == "."
            and nxt.start == tok.end
        ):
            ctx.add(
                "abbreviation",
                tok.start,
                nxt.end,
                _("Abkürzung: „%(a)s“. Abkürzungen sind schwer zu verstehen.") % {"a": ctx.text[tok.start : nxt.end]},
                _("Schreiben Sie das Wort aus: „%(l)s“.") % {"l": tok.norm[:-3] + "straße"},
            )
        elif tok.kind == "abbr":
            key = re.sub(r"\s", "", tok.text)
            long = expansions.get(key)
            ctx.add(
                "abbreviation",
                tok.start,
                tok.end,
                _("Abkürzung: „%(a)s“. Abkürzungen sind schwer zu verstehen.") % {"a": tok.text},
                (_("Schreiben Sie das Wort aus: „%(l)s“.") % {"l": long}) if long else _("Schreiben Sie das Wort aus."),
            )
        elif tok.kind == "word" and any(ch.isupper() for ch in tok.text[1:2]):
            for m in _CAPS_IN_WORD_RE.finditer(tok.text):
                if _ROMAN_RE.match(m.group()):
                    continue
                ctx.add(
                    "abbreviation",
                    tok.start + m.start(),
                    tok.start + m.end(),
                    _("Abkürzung: „%(a)s“. Abkürzungen sind schwer zu verstehen.") % {"a": m.group()},
                    _("Schreiben Sie das Wort aus. Wenn die Abkürzung bekannt ist, erklären Sie sie beim ersten Mal."),
                )


def _is_latin_word(word: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in word if ch.isalpha())


def _rule_long_word(ctx: _Ctx, sent: list[Token]) -> None:
    for tok in sent:
        if tok.kind != "word":
            continue
        word = tok.norm
        if any(ch in word for ch in _HYPHENS + _MEDIOPUNKT + "*:_/'’"):
            continue
        n = _letters(word)
        if n < LONG_WORD_LETTERS or word.isupper() or not _is_latin_word(word):
            continue
        if number_word_value(word) is not None:
            continue  # reported by the numbers rule
        split = propose_split(word, ctx.separator, pos_hint=tok.tag) if word.isalpha() else None
        message = _("Langes Wort: „%(w)s“ hat %(n)d Buchstaben.") % {"w": word, "n": n}
        if split:
            suggestion = _("Trennen Sie das Wort: „%(s)s“. Oder nehmen Sie ein kürzeres Wort.") % {"s": split}
        else:
            suggestion = _("Nehmen Sie ein kürzeres Wort oder erklären Sie das Wort.")
        ctx.add("long_word", tok.start, tok.end, message, suggestion)


def _rule_numbers(ctx: _Ctx, sent: list[Token], percent_spans: set) -> None:
    n = len(sent)
    for i, tok in enumerate(sent):
        nxt = sent[i + 1] if i + 1 < n else None
        if tok.kind == "num":
            if nxt is not None and (nxt.text == "%" or nxt.lower == "prozent") and nxt.start - tok.end <= 1:
                percent_spans.add(nxt.start)
                ctx.add(
                    "numbers",
                    tok.start,
                    nxt.end,
                    _("Prozent-Angabe: „%(t)s“. Prozente sind schwer zu verstehen.")
                    % {"t": ctx.text[tok.start : nxt.end]},
                    _("Schreiben Sie zum Beispiel „die Hälfte“, „viele“ oder „3 von 10 Menschen“."),
                )
                continue
            value = _parse_number(tok.text)
            if value is None:
                continue
            if "," in tok.text:
                ctx.add(
                    "numbers",
                    tok.start,
                    tok.end,
                    _("Kommazahl: „%(t)s“. Kommazahlen sind schwer zu verstehen.") % {"t": tok.text},
                    _("Runden Sie die Zahl oder schreiben Sie „ungefähr %(r)d“.") % {"r": round(value)},
                )
                continue
            if value <= 1000:
                continue
            if _phone_or_postcode(sent, i):
                continue
            plain = tok.text.isdigit()
            unit_follows = nxt is not None and nxt.lower in _UNIT_WORDS
            if plain and len(tok.text) == 4 and 1900 <= value <= 2099 and not unit_follows:
                continue  # a year
            suggestion = _("Große Zahlen sind schwer. Schreiben Sie „viele“ oder „mehr als %(r)s“.") % {
                "r": _group_digits(int(value) // 1000 * 1000) if value >= 2000 else "1.000"
            }
            if plain and value >= 10000:
                suggestion = _("Schreiben Sie die Zahl mit Punkten: „%(g)s“. Oder schreiben Sie „viele“.") % {
                    "g": _group_digits(int(value))
                }
            ctx.add(
                "numbers",
                tok.start,
                tok.end,
                _("Große Zahl: „%(t)s“.") % {"t": tok.text},
                suggestion,
            )
        elif tok.kind == "word":
            if tok.lower == "prozent":
                if i > 0 and sent[i - 1].kind == "num":
                    continue
                ctx.add(
                    "numbers",
                    tok.start,
                    tok.end,
                    _("Prozent-Angabe: „%(t)s“. Prozente sind schwer zu verstehen.") % {"t": tok.text},
                    _("Schreiben Sie zum Beispiel „die Hälfte“, „viele“ oder „3 von 10 Menschen“."),
                )
            elif _ROMAN_RE.match(tok.norm):
                ctx.add(
                    "numbers",
                    tok.start,
                    tok.end,
                    _("Römische Zahl: „%(t)s“.") % {"t": tok.text},
                    _("Schreiben Sie die Zahl mit Ziffern: „%(v)d“.") % {"v": _roman_value(tok.norm)},
                )
            else:
                value = number_word_value(tok.lower)
                if value is None or (tok.lower in _AMBIGUOUS_NUMBER_WORDS and tok.tag != "CARD"):
                    continue
                ctx.add(
                    "numbers",
                    tok.start,
                    tok.end,
                    _("Zahl als Wort: „%(t)s“.") % {"t": tok.text},
                    _("Schreiben Sie Zahlen mit Ziffern: „%(v)s“.")
                    % {"v": _group_digits(value) if value >= 10000 else str(value)},
                )


_PHONE_WORDS = frozenset(
    [
        "tel",
        "tel.",
        "telefon",
        "telefonnummer",
        "nummer",
        "nr",
        "nr.",
        "fax",
        "handy",
        "mobil",
        "plz",
        "postleitzahl",
        "raum",
        "zimmer",
        "haus",
        "hausnummer",
        "kundennummer",
        "aktenzeichen",
        "iban",
    ]
)


def _phone_or_postcode(sent: list[Token], i: int) -> bool:
    """0511 123456, Tel. 123456, 30159 Hannover: identifiers, not amounts."""
    tok = sent[i]
    if tok.text.startswith("0"):
        return True
    prev = sent[i - 1] if i > 0 else None
    nxt = sent[i + 1] if i + 1 < len(sent) else None
    if prev is not None and (prev.kind == "num" or prev.lower in _PHONE_WORDS or prev.text in ("+", "/")):
        return True
    if prev is not None and prev.kind == "punct" and prev.text == ":" and i > 1 and sent[i - 2].lower in _PHONE_WORDS:
        return True
    if nxt is not None and nxt.kind == "num":
        return True
    # postcode: 5 digits, then a place name, at the start of the sentence/line or after a comma
    return (
        len(tok.text) == 5
        and tok.text.isdigit()
        and nxt is not None
        and nxt.kind == "word"
        and nxt.norm[:1].isupper()
        and (prev is None or prev.text == ",")
        and nxt.lower not in _UNIT_WORDS
    )


def _roman_value(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=False):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


_RANGE_RE = re.compile(
    r"(?<![\w.,:/-])(?P<a>\d{1,2}(?::\d{2})?|\d{4}|\d{1,2}\.)\s?[-–—]\s?(?P<b>\d{1,2}(?::\d{2})?|\d{4}|\d{1,2}\.)(?![\w,:/]|\.\d)"
)
_WEEKDAY_RANGE_RE = re.compile(r"(?<!\w)(?P<a>Mo|Di|Mi|Do|Fr|Sa|So)\.?\s?[-–—]\s?(?P<b>Mo|Di|Mi|Do|Fr|Sa|So)\.?(?!\w)")


def _date_suggestion(raw: str) -> str:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?", raw) or None
    day = month = year = None
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
        if m:
            year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        else:
            m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", raw)
            if m:
                day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    if not day or not month or not (1 <= month <= 12 and 1 <= day <= 31):
        return _("Schreiben Sie den Monat als Wort, zum Beispiel „12. März 2026“.")
    if year and len(year) == 2:
        year = "20" + year
    written = f"{day}. {_MONTHS[month - 1]}" + (f" {year}" if year else "")
    return _("Schreiben Sie: „%(d)s“.") % {"d": written}


def _rule_dates(ctx: _Ctx, tokens: list[Token], skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for tok in tokens:
        if tok.kind == "date":
            ctx.add(
                "dates",
                tok.start,
                tok.end,
                _("Datum nur mit Zahlen: „%(t)s“.") % {"t": tok.text},
                _date_suggestion(tok.text),
            )
            spans.append((tok.start, tok.end))
    text = ctx.text
    for m in _RANGE_RE.finditer(text):
        if _inside(m.start(), skip):
            continue
        a, b = m.group("a").rstrip("."), m.group("b").rstrip(".")
        unit = " Uhr" if re.match(r"\s*Uhr\b", text[m.end() : m.end() + 6]) else ""
        ctx.add(
            "dates",
            m.start(),
            m.end(),
            _("Bereich mit Strich: „%(t)s“. Der Strich ist schwer zu lesen.") % {"t": m.group()},
            _("Schreiben Sie: „von %(a)s bis %(b)s%(u)s“.") % {"a": a, "b": b, "u": unit},
        )
        spans.append((m.start(), m.end()))
    for m in _WEEKDAY_RANGE_RE.finditer(text):
        ctx.add(
            "dates",
            m.start(),
            m.end(),
            _("Bereich mit Strich und Abkürzungen: „%(t)s“.") % {"t": m.group()},
            _("Schreiben Sie: „von %(a)s bis %(b)s“.") % {"a": _WEEKDAYS[m.group("a")], "b": _WEEKDAYS[m.group("b")]},
        )
        spans.append((m.start(), m.end()))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    if not spans:
        return False
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_SPECIAL = {
    "(": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    ")": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    "[": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    "]": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    "{": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    "}": ("Klammer", "Schreiben Sie den Inhalt der Klammer als eigenen Satz."),
    "„": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg oder schreiben Sie: Das Wort heißt: …"),
    "“": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg oder schreiben Sie: Das Wort heißt: …"),
    "”": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg oder schreiben Sie: Das Wort heißt: …"),
    '"': ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg oder schreiben Sie: Das Wort heißt: …"),
    "‚": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "‘": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "«": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "»": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "‹": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "›": ("Anführungszeichen", "Lassen Sie die Anführungszeichen weg."),
    "'": ("Apostroph", "Schreiben Sie das Wort ganz aus, zum Beispiel „geht es“ statt „geht's“."),
    "’": ("Apostroph", "Schreiben Sie das Wort ganz aus, zum Beispiel „geht es“ statt „geht’s“."),
    "§": ("Paragrafen-Zeichen", "Schreiben Sie „Paragraf“ oder erklären Sie, was in dem Gesetz steht."),
    "&": ("Und-Zeichen", "Schreiben Sie „und“."),
    "*": ("Sternchen", "Schreiben Sie beide Formen aus, zum Beispiel „Teilnehmerinnen und Teilnehmer“."),
    ";": ("Semikolon", "Setzen Sie einen Punkt und beginnen Sie einen neuen Satz."),
    "/": ("Schrägstrich", "Schreiben Sie „oder“ oder „und“."),
    "\\": ("Schrägstrich", "Schreiben Sie „oder“ oder „und“."),
    "%": ("Prozent-Zeichen", "Schreiben Sie zum Beispiel „die Hälfte“ oder „viele“."),
    "#": ("Raute", "Lassen Sie das Zeichen weg."),
    "+": ("Plus-Zeichen", "Schreiben Sie „und“ oder „plus“."),
    "<": ("Kleiner-Zeichen", "Schreiben Sie „weniger als“."),
    ">": ("Größer-Zeichen", "Schreiben Sie „mehr als“."),
    "=": ("Gleich-Zeichen", "Schreiben Sie „ist“."),
    "~": ("Tilde", "Schreiben Sie „ungefähr“."),
    "|": ("Strich", "Lassen Sie das Zeichen weg oder setzen Sie einen Punkt."),
    "…": ("Auslassungspunkte", "Schreiben Sie den Satz zu Ende."),
    "_": ("Unterstrich", "Schreiben Sie beide Formen aus, zum Beispiel „Teilnehmerinnen und Teilnehmer“."),
    "^": ("Zeichen", "Lassen Sie das Zeichen weg."),
}
_SPECIAL_RE = re.compile(r"\.\.\.|[" + re.escape("".join(_SPECIAL)) + r"]|(?<=[^\W\d_]):(?=in(?:nen)?\b)")


def _rule_special(ctx: _Ctx, skip: list[tuple[int, int]], percent_starts: set) -> None:
    for m in _SPECIAL_RE.finditer(ctx.text):
        pos = m.start()
        if _inside(pos, skip) or pos in percent_starts:
            continue
        ch = m.group()
        if ch == "...":
            name, suggestion = _SPECIAL["…"]
        elif ch == ":":
            name, suggestion = "Gender-Doppelpunkt", _SPECIAL["*"][1]
        else:
            name, suggestion = _SPECIAL[ch]
        if ch == "%":
            # "%" right after a number is reported by the numbers rule
            before = ctx.text[max(0, pos - 2) : pos]
            if before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit()):
                continue
        ctx.add(
            "special_characters",
            pos,
            m.end(),
            _("Sonderzeichen: %(n)s „%(c)s“.") % {"n": _(name), "c": ch},
            _(suggestion),
        )


def _is_past(tok: Token) -> bool:
    if tok.tag != "VV(FIN)" or tok.lower in _KONJUNKTIV or tok.lower in _PRESENT_VAR:
        return False
    result = morphology.analyze(tok.lower, "VV(FIN)", taglevel=3)
    if not result:
        return False
    stem, morphemes, _pos = result
    if not morphemes:
        return False
    last_m, last_t = morphemes[-1]
    if last_t == "SUF_FIN" and last_m in _PAST_SUFFIXES:
        # "wartet" = wart+et is present; "-te…" after a stem is past
        return True
    for m, t in morphemes:
        if t.startswith(("VV", "VVnp")) and "_VAR" in t:
            return not _present_ablaut(m, stem)
    return False


def _simplify(s: str) -> str:
    s = s.replace("äu", "au").replace("ä", "a").replace("ö", "o").replace("ie", "e").replace("i", "e")
    s = s.replace("h", "")
    return re.sub(r"(.)\1", r"\1", s)


def _present_ablaut(var: str, stem: str) -> bool:
    """gib/geb, nimm/nehm, fähr/fahr, läuf/lauf, lies/les: present-tense stem changes."""
    return _simplify(stem).endswith(_simplify(var))


def _rule_praeteritum(ctx: _Ctx, sent: list[Token]) -> None:
    for tok in sent:
        if tok.kind == "word" and _is_past(tok):
            ctx.add(
                "praeteritum",
                tok.start,
                tok.end,
                _("Präteritum: „%(w)s“. In Leichter Sprache schreiben wir im Perfekt.") % {"w": tok.text},
                _("Schreiben Sie das Perfekt, zum Beispiel „hat gemacht“ oder „ist gegangen“."),
            )


def _rule_glossary(ctx: _Ctx, sent: list[Token]) -> None:
    if not ctx.glossary_words:
        return
    for tok in sent:
        if tok.kind != "word":
            continue
        preferred = ctx.glossary_words.get(tok.lower)
        if preferred is None and tok.tag in _NOUNS | {"VV(FIN)", "VV(INF)", "VV(PP)", "ADJ(A)", "ADJ(D)"}:
            preferred = ctx.glossary_words.get(_lemma(tok))
        if preferred is not None:
            _glossary_finding(ctx, tok.start, tok.end, preferred)


def _glossary_finding(ctx: _Ctx, start: int, end: int, preferred: str) -> None:
    ctx.add(
        "glossary",
        start,
        end,
        _("Anderes Wort für denselben Begriff: „%(w)s“. Ihre Wortliste sagt „%(p)s“.")
        % {"w": ctx.text[start:end], "p": preferred},
        _("Schreiben Sie „%(p)s“. Ein Wort für eine Sache.") % {"p": preferred},
    )


def _rule_line_per_sentence(ctx: _Ctx, sentence_spans: list[tuple[int, int]], newlines: list[int]) -> None:
    prev_end_line = None
    for start, end in sentence_spans:
        line = bisect.bisect_right(newlines, start)
        if prev_end_line is not None and line == prev_end_line:
            ctx.add(
                "line_per_sentence",
                start,
                end,
                _("Dieser Satz steht in derselben Zeile wie der Satz davor."),
                _("Beginnen Sie für jeden Satz eine neue Zeile."),
            )
        prev_end_line = bisect.bisect_right(newlines, max(start, end - 1))


# --------------------------------------------------------------------------- scores


def _scores(sentence_words: list[list[Token]]) -> Scores:
    sentences = sum(1 for words in sentence_words if words)
    words = [w for ws in sentence_words for w in ws]
    n = len(words)
    if n == 0 or sentences == 0:
        return Scores()
    syl = [syllables(w.norm) if w.kind == "word" else 1 for w in words]
    total_syl = sum(syl)
    asl = n / sentences
    asw = total_syl / n
    ms = 100.0 * sum(1 for s in syl if s >= 3) / n
    es = 100.0 * sum(1 for s in syl if s == 1) / n
    iw = 100.0 * sum(1 for w in words if _letters(w.norm) > 6) / n
    flesch = 180 - asl - 58.5 * asw
    wstf = 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875
    return Scores(
        flesch_amstad=round(flesch, 1),
        wiener_sachtextformel=round(wstf, 1),
        sentences=sentences,
        words=n,
        syllables=total_syl,
    )


# --------------------------------------------------------------------------- entry point


def check(text: str, *, glossary: dict[str, str] | None = None, separator: str = "·") -> Report:
    """Check ``text`` against the Leichte Sprache rules.

    Offsets in the findings are character offsets into ``text`` (end exclusive), so
    ``text[f.start:f.end] == f.text`` always holds. Raises TypeError for non-str input and
    :class:`TextTooLong` above :data:`MAX_WORDS` words.
    """
    if not isinstance(text, str):
        raise TypeError(f"check() expects the text as str, got {type(text).__name__}")
    if not isinstance(separator, str) or not separator:
        raise ValueError("separator must be a non-empty string, e.g. '·' or '-'")
    if len(text) > _MAX_CHARS:
        raise TextTooLong(
            f"Der Text ist zu lang für eine Prüfung (mehr als {MAX_WORDS} Wörter). / "
            f"Text too long to check in one call (limit {MAX_WORDS} words, {_MAX_CHARS} characters)."
        )
    ctx = _Ctx(text, glossary, separator)
    tokens = _tokenize(text)
    word_count = sum(1 for t in tokens if t.is_word)
    if word_count > MAX_WORDS:
        raise TextTooLong(
            f"Der Text hat {word_count} Wörter; geprüft werden höchstens {MAX_WORDS}. "
            f"Bitte teilen Sie den Text. / Text has {word_count} words; the limit is {MAX_WORDS}."
        )
    if not tokens:
        return Report([], Scores())

    skip = sorted((t.start, t.end) for t in tokens if t.kind in ("url", "email"))
    newlines = [m.start() for m in _LINE_BREAK_RE.finditer(text)]
    sentence_ranges = _split_sentences(text, tokens)
    sentence_spans = []
    sentence_words = []
    percent_starts: set = set()
    for a, b in sentence_ranges:
        sent = tokens[a:b]
        tags = morphology.tag_sentence([t.norm if t.kind != "abbr" else re.sub(r"\s", "", t.text) for t in sent])
        for t, tag in zip(sent, tags, strict=False):
            t.tag = tag
        words = [t for t in sent if t.is_word]
        sentence_words.append(words)
        sentence_spans.append((sent[0].start, sent[-1].end))
        _rule_sentence_length(ctx, sent, words)
        _rule_two_statements(ctx, sent)
        _rule_passive(ctx, sent)
        _rule_genitive(ctx, sent)
        _rule_konjunktiv(ctx, sent)
        _rule_negation(ctx, sent)
        _rule_abbreviation(ctx, sent)
        _rule_long_word(ctx, sent)
        _rule_numbers(ctx, sent, percent_starts)
        _rule_praeteritum(ctx, sent)
        _rule_glossary(ctx, sent)
    for pattern, preferred in ctx.glossary_phrases:
        for m in pattern.finditer(text):
            _glossary_finding(ctx, m.start(), m.end(), preferred)
    date_spans = _rule_dates(ctx, tokens, skip)
    _rule_special(ctx, sorted(skip + date_spans), percent_starts)
    _rule_line_per_sentence(ctx, sentence_spans, newlines)
    ctx.findings.sort(key=lambda f: (f.start, f.end, RULES.index(f.rule)))
    return Report(ctx.findings, _scores(sentence_words))
