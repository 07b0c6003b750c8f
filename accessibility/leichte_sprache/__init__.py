"""Leichte Sprache (easy German) text checker — pure Python, no Django needed.

from accessibility.leichte_sprache import check
report = check("Die Anmeldung wird geprüft.", glossary={"Treffen": "Sitzung"}, separator="·")
report.to_dict()  # {"findings": [...], "scores": {...}}
"""

from .checker import (
    LONG_WORD_LETTERS,
    MAX_SENTENCE_WORDS,
    MAX_WORDS,
    RULES,
    Finding,
    Report,
    Scores,
    TextTooLong,
    check,
    split_sentences,
)
from .mediopunkt import propose_split

__all__ = [
    "check",
    "split_sentences",
    "propose_split",
    "Report",
    "Finding",
    "Scores",
    "TextTooLong",
    "RULES",
    "MAX_WORDS",
    "MAX_SENTENCE_WORDS",
    "LONG_WORD_LETTERS",
]
