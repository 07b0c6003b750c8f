"""German morphology for the Leichte Sprache checker: one shared HanTa tagger.

HanTa (LGPL-3.0-or-later) ships its German model ``morphmodel_ger.pgz`` inside the
package; we load it from there and never download anything.

Why the custom loader: HanTa 1.2.1 does ``from numpy import logaddexp`` and its model
pickle stores ~1 float as a ``numpy.float64`` scalar, yet the package does not declare
numpy as a dependency. Rather than pull numpy (tens of MB) into the project for one
scalar function, we
* import HanTa with a throw-away stand-in module that offers a pure-Python
  ``logaddexp`` (removed from ``sys.modules`` right after the import, so other code
  never sees it; if numpy is installed the real one is imported and left alone), and
* unpickle the model with an Unpickler that turns the float64 scalars into Python floats.
HanTa's hot path then always uses the pure-Python ``logaddexp`` (scalars only), so the
results are the same with or without numpy installed.

The tagger is a lazy, thread-safe module-level singleton; word-level results are
memoised with ``functools.lru_cache`` because running text repeats its vocabulary.
"""

from __future__ import annotations

import gzip
import importlib
import math
import os
import pickle
import struct
import sys
import threading
import types
from functools import lru_cache

__all__ = ["get_tagger", "tag_sentence", "analyze", "MAX_TAGGER_WORD_LEN"]

# HanTa's word analysis is quadratic in the word length; longer "words" (URLs that slipped
# through, base64, keyboard mashing) are tagged as a placeholder instead.
MAX_TAGGER_WORD_LEN = 40
_PLACEHOLDER = "Xyz"

_lock = threading.Lock()
_tagger = None


def _logaddexp(a: float, b: float) -> float:
    if a == -math.inf:
        return b
    if b == -math.inf:
        return a
    m = a if a > b else b
    return m + math.log1p(math.exp(-abs(a - b)))


class _DType:
    """Just enough of numpy.dtype to unpickle float64 scalars."""

    def __init__(self, code, align=False, copy=True):
        self.code = code
        self.byteorder = "<"

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) > 1 and state[1] in ("<", ">", "|", "="):
            self.byteorder = state[1]


def _scalar(dtype, raw=None):
    if getattr(dtype, "code", None) != "f8" or raw is None:
        raise pickle.UnpicklingError(f"unsupported numpy scalar in HanTa model: {getattr(dtype, 'code', dtype)!r}")
    return struct.unpack((">" if dtype.byteorder == ">" else "<") + "d", raw)[0]


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module.split(".")[0] == "numpy":
            if name == "scalar":
                return _scalar
            if name == "dtype":
                return _DType
            raise pickle.UnpicklingError(f"unexpected numpy object in HanTa model: {module}.{name}")
        return super().find_class(module, name)


def _import_hanta():
    try:
        return importlib.import_module("HanTa.HanoverTagger")
    except ModuleNotFoundError as exc:
        if exc.name != "numpy":
            raise
    stand_in = types.ModuleType("numpy")
    stand_in.logaddexp = _logaddexp
    sys.modules["numpy"] = stand_in
    try:
        sys.modules.pop("HanTa.HanoverTagger", None)
        return importlib.import_module("HanTa.HanoverTagger")
    finally:
        if sys.modules.get("numpy") is stand_in:
            del sys.modules["numpy"]


def _load():
    module = _import_hanta()
    module.logaddexp = _logaddexp  # scalar-only use; deterministic with or without numpy
    path = os.path.join(os.path.dirname(module.__file__), "morphmodel_ger.pgz")
    with gzip.open(path, "rb") as fh:
        model = _ModelUnpickler(fh).load()
    tagger = module.HanoverTagger(None, model=model)
    tagger.strict = False  # what HanoverTagger(filename) sets; guesses unknown words
    # Memoise the expensive, quadratic-in-word-length forward analysis (keyed by the
    # lower-cased word, so "Kurs" at the start and inside a sentence share one entry) and
    # the per-word probability lookup used by the sentence Viterbi.
    tagger.analyze_forward = lru_cache(maxsize=200_000)(tagger.analyze_forward)
    tagger._tag_word = lru_cache(maxsize=200_000)(tagger._tag_word)
    return tagger


def get_tagger():
    """Return the shared HanoverTagger, loading the German model on first use."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = _load()
    return _tagger


def _for_tagger(word: str) -> str:
    if not word:
        return _PLACEHOLDER
    if len(word) > MAX_TAGGER_WORD_LEN:
        return _PLACEHOLDER
    return word


def tag_sentence(words: list[str]) -> list[str]:
    """POS tags (HanTa's STTS variant, e.g. ``VV(FIN)``, ``VV(PP)``, ``NN``) for one sentence."""
    if not words:
        return []
    tagger = get_tagger()
    ints = tagger.tag_sent_viterbi([_for_tagger(w) for w in words])
    return [tagger.int2tag[t] for t in ints]


@lru_cache(maxsize=100_000)
def _analyze_cached(word: str, pos: str, taglevel: int):
    tagger = get_tagger()
    if pos in tagger.tag2int and pos not in ("EMPTY", "END", "UNKNOWN", "END_UNKNOWN"):
        return tagger._analyze(word, tagger.tag2int[pos], taglevel)
    return tagger.analyze(word, taglevel=taglevel)


def analyze(word: str, pos: str | None = None, taglevel: int = 3):
    """HanTa analysis of one word, memoised.

    taglevel 1 → ``(lemma, pos)``; taglevel 3 → ``(stem, [(morpheme, mtag), ...], pos)``.
    The morphemes concatenate to the lower-cased word.
    """
    if not word or len(word) > MAX_TAGGER_WORD_LEN:
        return None
    return _analyze_cached(word, pos or "EMPTY", taglevel)


def clear_caches() -> None:
    """Forget memoised word analyses (for benchmarks measuring a cold start; the model stays loaded)."""
    _analyze_cached.cache_clear()
    if _tagger is not None:
        _tagger.analyze_forward.cache_clear()
        _tagger._tag_word.cache_clear()
