"""Tests for the Leichte Sprache checker (plain pytest: no Django settings, no database).

Run: python -m pytest accessibility -q -p no:django
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from accessibility.leichte_sprache import (
    MAX_WORDS,
    RULES,
    Report,
    TextTooLong,
    check,
    propose_split,
    split_sentences,
)
from accessibility.leichte_sprache.checker import number_word_value, syllables

CORPUS = Path(__file__).resolve().parents[1] / "leichte_sprache" / "corpus.jsonl"
REPO_ROOT = Path(__file__).resolve().parents[2]


def spans(text, rule, **kwargs):
    """(start, end, text) of the findings of one rule."""
    return [(f.start, f.end, f.text) for f in check(text, **kwargs).findings if f.rule == rule]


def span_of(text, part, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return (start, start + len(part), part)


def assert_offsets(text, report):
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f


# --------------------------------------------------------------------------- rules: spans


def test_sentence_length_positive_span_is_the_sentence():
    text = "Hallo. Der Runde Tisch trifft sich am Montag um 18 Uhr im großen Saal im Rathaus."
    sentence = text[len("Hallo. ") :]
    assert spans(text, "sentence_length") == [span_of(text, sentence)]
    f = check(text).by_rule("sentence_length")[0]
    assert f.message == "Der Satz hat 15 Wörter. In Leichter Sprache höchstens 12."
    assert f.suggestion == "Teilen Sie den Satz in zwei Sätze."


def test_sentence_length_negative_twelve_words_pass():
    twelve = "Am Montag ist das Büro im Rathaus von 9 bis 12 Uhr."
    assert len(twelve.rstrip(".").split()) == 12
    assert spans(twelve, "sentence_length") == []
    thirteen = "Am Montag ist das Büro im Rathaus von 9 bis 12 Uhr offen."
    assert spans(thirteen, "sentence_length") == [(0, len(thirteen), thirteen)]
    assert spans("Der Runde Tisch trifft sich am Montag.", "sentence_length") == []


def test_two_statements_positive_reports_the_joining_word():
    text = "Wir treffen uns im Rathaus, weil dort genug Platz ist."
    assert spans(text, "two_statements") == [span_of(text, "weil")]
    text = "Der Kurs beginnt um 9 Uhr und er endet um 12 Uhr."
    assert spans(text, "two_statements") == [span_of(text, "und")]


def test_two_statements_negative_und_between_nouns():
    assert spans("Wir haben Kaffee und Kuchen.", "two_statements") == []
    assert spans("Sie können anrufen oder schreiben.", "two_statements") == []


def test_passive_positive_span_from_werden_to_participle():
    text = "Die Anmeldung wird von Frau Kaya geprüft."
    assert spans(text, "passive") == [
        (text.index("wird"), text.index("geprüft") + len("geprüft"), "wird von Frau Kaya geprüft")
    ]
    text = "Der Raum ist schon gebucht worden."
    assert spans(text, "passive") == [(text.index("gebucht"), len(text) - 1, "gebucht worden")]


def test_passive_negative_future_and_active():
    assert spans("Wir werden morgen über die Wohnung sprechen.", "passive") == []
    assert spans("Frau Kaya prüft die Anmeldung.", "passive") == []
    assert spans("Das Büro ist heute geschlossen.", "passive") == []  # Zustandspassiv is accepted


def test_genitive_positive_spans():
    text = "Das Büro des Vereins ist im Stadtteil Mitte."
    assert spans(text, "genitive") == [span_of(text, "des Vereins")]
    text = "Wegen des Wetters fällt das Fest aus."
    assert spans(text, "genitive") == [span_of(text, "des Wetters")]
    text = "Die Sitzung der Arbeitsgruppe ist am Montag."
    assert spans(text, "genitive") == [span_of(text, "der Arbeitsgruppe")]


def test_genitive_negative_dative_der():
    assert spans("Die Frau aus der Ukraine lernt Deutsch.", "genitive") == []
    assert spans("Das Büro von dem Verein ist im Stadtteil Mitte.", "genitive") == []
    assert spans("Das Haus gehört der Stadt.", "genitive") == []


def test_konjunktiv_positive_and_moechte_accepted():
    text = "Wir würden gerne mit Ihnen sprechen."
    assert spans(text, "konjunktiv") == [span_of(text, "würden")]
    text = "Es wäre schön."
    assert spans(text, "konjunktiv") == [span_of(text, "wäre")]
    assert spans("Ich möchte einen Deutsch-Kurs machen.", "konjunktiv") == []
    assert spans("Sie können uns eine E-Mail schreiben.", "konjunktiv") == []


def test_negation_positive_and_negative():
    text = "Sie brauchen keinen Termin und das Büro ist nie zu."
    assert spans(text, "negation") == [span_of(text, "keinen"), span_of(text, "nie")]
    assert spans("Das ist kinderleicht.", "negation") == []
    assert spans("Sie können einfach kommen.", "negation") == []


def test_abbreviation_positive_spans():
    text = "Bringen Sie z. B. Ihren Pass mit."
    assert spans(text, "abbreviation") == [span_of(text, "z. B.")]
    f = check(text).by_rule("abbreviation")[0]
    assert "zum Beispiel" in f.suggestion
    text = "Die DGS-Videos der EU."
    assert spans(text, "abbreviation") == [span_of(text, "DGS"), span_of(text, "EU")]


def test_abbreviation_street_and_no_sentence_split():
    text = "Das Treffen ist in der Goethestr. 12 im Hof."
    assert spans(text, "abbreviation") == [span_of(text, "Goethestr.")]
    assert "Goethestraße" in check(text).by_rule("abbreviation")[0].suggestion
    assert len(split_sentences(text)) == 1


def test_abbreviation_negative():
    assert spans("Bringen Sie zum Beispiel Ihren Pass mit.", "abbreviation") == []
    assert spans("ACHTUNG: Der Kurs fällt aus.", "abbreviation") == []  # shouting, not an abbreviation


def test_long_word_positive_with_mediopunkt_suggestion():
    text = "Wir suchen neue Handlungsstrategien."
    assert spans(text, "long_word") == [span_of(text, "Handlungsstrategien")]
    f = check(text).by_rule("long_word")[0]
    assert "Handlungs·strategien" in f.suggestion
    f = check(text, separator="-").by_rule("long_word")[0]
    assert "Handlungs-Strategien" in f.suggestion


def test_long_word_negative_with_separator():
    assert spans("Wir suchen neue Handlungs·strategien.", "long_word") == []
    assert spans("Sie bekommen eine Teilnahme-Bescheinigung.", "long_word") == []
    assert spans("Die Verantwortung liegt beim Verein.", "long_word") == []  # 13 letters


def test_numbers_positive():
    text = "Es leben 12500 Menschen hier und 30 % davon sind Kinder, Kapitel XIV, dreiundzwanzig."
    got = spans(text, "numbers")
    assert span_of(text, "12500") in got
    assert span_of(text, "30 %") in got
    assert span_of(text, "XIV") in got
    assert span_of(text, "dreiundzwanzig") in got
    by_text = {f.text: f.suggestion for f in check(text).by_rule("numbers")}
    assert "23" in by_text["dreiundzwanzig"]
    assert "14" in by_text["XIV"]
    assert "12.500" in by_text["12500"]


def test_numbers_negative_years_small_numbers_times():
    assert spans("Das Netzwerk gibt es seit 2015.", "numbers") == []
    assert spans("Zum Treffen kommen 23 Vereine.", "numbers") == []
    assert spans("Das Treffen beginnt um 18:30 Uhr.", "numbers") == []
    assert spans("Ein Kurs für eine Frau.", "numbers") == []


def test_numbers_negative_phone_numbers_and_postcodes():
    assert spans("Rufen Sie an: 0511 123456.", "numbers") == []
    assert spans("Die Adresse ist Markt·platz 5, 30159 Hannover.", "numbers") == []
    assert spans("Telefon: 123456", "numbers") == []


def test_number_words_are_parsed():
    assert number_word_value("dreiundzwanzig") == 23
    assert number_word_value("zweitausend") == 2000
    assert number_word_value("dreihundertfünf") == 305
    assert number_word_value("Kurs") is None


def test_dates_positive_with_written_suggestion():
    text = "Das Treffen ist am 12.03.2026 von 9-10 Uhr."
    assert spans(text, "dates") == [span_of(text, "12.03.2026"), span_of(text, "9-10")]
    sugg = [f.suggestion for f in check(text).by_rule("dates")]
    assert "12. März 2026" in sugg[0]
    assert "von 9 bis 10 Uhr" in sugg[1]
    text = "Die Anmeldung endet am 3.4. im Büro."
    assert spans(text, "dates") == [span_of(text, "3.4.")]


def test_dates_negative():
    assert spans("Das Treffen ist am 12. März 2026.", "dates") == []
    assert spans("Die Beratung ist von 9 bis 10 Uhr.", "dates") == []
    assert spans("Die Telefon·nummer ist 0511 123 45 67.", "dates") == []


def test_special_characters_positive():
    text = "Das Treffen (im Rathaus) ist für Teilnehmer*innen & Gäste."
    assert spans(text, "special_characters") == [
        span_of(text, "("),
        span_of(text, ")"),
        span_of(text, "*"),
        span_of(text, "&"),
    ]


def test_special_characters_negative_url_email_hyphen_and_percent():
    assert spans("Mehr auf www.miteinander.de/termine und info@miteinander.de", "special_characters") == []
    assert spans("Das Treffen ist in der Max-Eyth-Straße 5.", "special_characters") == []
    assert spans("Etwa 30 % sind Kinder.", "special_characters") == []  # reported by numbers


def test_praeteritum_positive_and_accepted_forms():
    text = "Der Runde Tisch traf sich im Mai und Frau Kaya sagte Hallo."
    assert spans(text, "praeteritum") == [span_of(text, "traf"), span_of(text, "sagte")]
    assert spans("Das Fest war schön und wir hatten viel Spaß.", "praeteritum") == []
    assert spans("Er gibt uns den Schlüssel.", "praeteritum") == []
    assert spans("Wir wollten kommen.", "praeteritum") == []


def test_line_per_sentence():
    text = "Das Treffen ist am Montag. Es beginnt um 18 Uhr."
    assert spans(text, "line_per_sentence") == [span_of(text, "Es beginnt um 18 Uhr.")]
    assert spans("Das Treffen ist am Montag.\nEs beginnt um 18 Uhr.", "line_per_sentence") == []
    assert spans("Das Fest ist am 3. März.\nFrau A. Kaya kommt.", "line_per_sentence") == []


def test_glossary_lemma_and_phrase():
    glossary = {"Treffen": "Sitzung|Versammlung", "Runder Tisch": ["Arbeitsgruppe"]}
    text = "Die Sitzungen und die Arbeitsgruppe."
    assert spans(text, "glossary", glossary=glossary) == [span_of(text, "Sitzungen"), span_of(text, "Arbeitsgruppe")]
    f = check(text, glossary=glossary).by_rule("glossary")[0]
    assert "Treffen" in f.suggestion
    assert spans("Das Treffen ist am Montag.", "glossary", glossary=glossary) == []
    assert spans("Die Sitzung ist am Montag.", "glossary") == []  # no glossary, no findings
    phrase = {"Treffen": "Runde Sitzung"}
    text = "Die runde Sitzung ist heute."
    assert spans(text, "glossary", glossary=phrase) == [span_of(text, "runde Sitzung")]


def test_glossary_bad_format():
    with pytest.raises(TypeError):
        check("Text.", glossary=["Treffen"])
    with pytest.raises(TypeError):
        check("Text.", glossary={"Treffen": 3})


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Bringen Sie z. B. Ihren Pass mit. Danke.", ["Bringen Sie z. B. Ihren Pass mit.", "Danke."]),
        ("Wir haben Kurse usw. und Treffen.", ["Wir haben Kurse usw. und Treffen."]),
        ("Wir haben Kurse usw. Das Fest ist schön.", ["Wir haben Kurse usw.", "Das Fest ist schön."]),
        ("Das Fest ist am 3. März im Park.", ["Das Fest ist am 3. März im Park."]),
        ("Frau A. Kaya kommt am 12.3. ins Büro.", ["Frau A. Kaya kommt am 12.3. ins Büro."]),
        ("Die Beratung ist in Raum 3. Bitte klingeln.", ["Die Beratung ist in Raum 3.", "Bitte klingeln."]),
        ("Wie geht es?Gut!", ["Wie geht es?", "Gut!"]),
        ("Sprechzeiten\nMontag bis Freitag", ["Sprechzeiten", "Montag bis Freitag"]),
        ("Wir treffen uns\nim Rathaus.", ["Wir treffen uns\nim Rathaus."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


# --------------------------------------------------------------------------- scores


def test_scores_known_text_match_the_formulas():
    text = "Wir lernen Deutsch. Das Treffen ist im Rathaus."
    # hand count: Wir(1) ler-nen(2) Deutsch(1) | Das(1) Tref-fen(2) ist(1) im(1) Rat-haus(2)
    syl = [1, 2, 1, 1, 2, 1, 1, 2]
    letters = [3, 6, 7, 3, 7, 3, 2, 7]
    sentences, words = 2, len(syl)
    asl, asw = words / sentences, sum(syl) / words
    ms = 100 * sum(s >= 3 for s in syl) / words
    es = 100 * sum(s == 1 for s in syl) / words
    iw = 100 * sum(n > 6 for n in letters) / words
    scores = check(text).scores
    assert scores.sentences == 2
    assert scores.words == 8
    assert scores.syllables == 11
    assert scores.flesch_amstad == round(180 - asl - 58.5 * asw, 1) == 95.6
    assert scores.wiener_sachtextformel == round(0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875, 1)


def test_syllables_use_pyphen():
    assert syllables("Integration") == 5  # in-te-gra-ti-on: hyphenation splits "io"
    assert syllables("Idee") == 2  # too short for a hyphen, vowel groups count
    assert syllables("Kurs") == 1
    assert syllables("Arbeitsgruppe") == 4
    assert syllables("Handlungs·strategien") == syllables("Handlungsstrategien") == 6  # Hand-lungs-stra-te-gi-en


# --------------------------------------------------------------------------- report shape


def test_to_dict_shape():
    d = check("Die Anmeldung wird geprüft.").to_dict()
    assert set(d) == {"findings", "scores"}
    assert set(d["scores"]) == {"flesch_amstad", "wiener_sachtextformel", "sentences", "words", "syllables"}
    assert d["findings"]
    for f in d["findings"]:
        assert set(f) == {"rule", "start", "end", "text", "message", "suggestion"}
        assert f["rule"] in RULES
        assert isinstance(f["message"], str) and isinstance(f["suggestion"], str)
    json.dumps(d, ensure_ascii=False)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\u200b", "...", "🙂"])
def test_empty_like_input_has_zero_scores(text):
    report = check(text)
    assert isinstance(report, Report)
    s = report.scores
    assert (s.words, s.sentences, s.syllables, s.flesch_amstad, s.wiener_sachtextformel) == (0, 0, 0, 0.0, 0.0)
    assert_offsets(text, report)


def test_empty_string_has_no_findings():
    assert check("").findings == []


@pytest.mark.parametrize("bad", [None, b"Text", 42, ["Text"]])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError, match="str"):
        check(bad)


TRICKY = [
    "Das Treffen 🙂 ist am Montag. 👩‍👩‍👧 Alle sind willkommen!",
    "مرحبا بكم في الاجتماع. Das Treffen ist am Montag. أهلا وسهلا",
    "Die Integrations\u00adbeauftragte lädt ein. Das Tref\u200bfen wird ge\u200dprüft.",
    "\ufeffDie Sitzung des Vereins (im Rathaus) wird z. B. am 12.03.2026 von 9–10 Uhr abgehalten.",
    "Zeile eins.\r\nZeile zwei. Noch ein Satz.\u2028Handlungsstrategien\u2029Ende",
    "e\u0301 Cafe\u0301 Cafe\u0301bar Migrantenselbstorganisation\u200b!",
    "‮Text mit RTL-Override‬ und „Anführungszeichen“ – §5 & mehr; usw.",
    "a" * 5000 + " " + "Wort" * 2000 + ".",
]


@pytest.mark.parametrize("text", TRICKY)
def test_offsets_match_the_original_string(text):
    report = check(text)
    assert_offsets(text, report)


def test_zero_width_characters_keep_offsets_and_still_find_long_word():
    text = "Die Integra\u00adtions\u200bbeauftragte wird ge\u200bprüft."
    report = check(text)
    assert_offsets(text, report)
    long_words = report.by_rule("long_word")
    assert [f.text for f in long_words] == ["Integra\u00adtions\u200bbeauftragte"]
    assert "Integrations·beauftragte" in long_words[0].suggestion


def test_text_too_long_raises():
    with pytest.raises(TextTooLong) as info:
        check("Wort " * (MAX_WORDS + 1))
    assert isinstance(info.value, ValueError)
    assert "Wörter" in str(info.value) and "words" in str(info.value)


def test_hundred_thousand_words_finish_in_time():
    rows = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    parts, n = [], 0
    i = 0
    while n < 100_000:
        t = rows[i % len(rows)]
        parts.append(t)
        n += len(t.split())
        i += 1
    text = "\n".join(parts)
    t0 = time.perf_counter()
    report = check(text)
    elapsed = time.perf_counter() - t0
    assert report.scores.words >= 95_000
    assert elapsed < 60, f"100k words took {elapsed:.1f}s"
    assert_offsets(text, report)


def test_checker_imports_without_django_configured():
    code = (
        f"import sys; sys.path.insert(0, {str(REPO_ROOT)!r}); "
        "from accessibility.leichte_sprache import check; "
        "r = check('Die Sitzung wird geprüft.'); "
        "assert r.findings; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


# --------------------------------------------------------------------------- mediopunkt


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Handlungsstrategien", "Handlungs·strategien"),
        ("Netzwerkprojekte", "Netzwerk·projekte"),
        ("Aufenthaltserlaubnis", "Aufenthalts·erlaubnis"),
        ("Integrationskursangebote", "Integrations·kurs·angebote"),
    ],
)
def test_propose_split(word, expected):
    assert propose_split(word) == expected
    first, *rest = expected.split("·")
    assert propose_split(word, separator="-") == "-".join([first] + [p[:1].upper() + p[1:] for p in rest])


def test_propose_split_none_for_simple_words_and_type_errors():
    assert propose_split("Verantwortlichkeit") is None
    assert propose_split("Kurs") is None
    assert propose_split("Handlungs·strategien") is None
    with pytest.raises(TypeError):
        propose_split(None)
    with pytest.raises(ValueError):
        propose_split("Handlungsstrategien", separator="")


# --------------------------------------------------------------------------- corpus


def _corpus():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def test_corpus_has_enough_rows_per_rule():
    counts = Counter((r["rule"], r["expected"]) for r in _corpus())
    for rule in RULES:
        assert counts[(rule, True)] >= 8, rule
        assert counts[(rule, False)] >= 8, rule


def test_corpus_precision_and_recall_per_rule():
    tp, fp, fn = Counter(), Counter(), Counter()
    for row in _corpus():
        report = check(row["text"], glossary=row.get("glossary"))
        assert_offsets(row["text"], report)
        fired = bool(report.by_rule(row["rule"]))
        if fired and row["expected"]:
            tp[row["rule"]] += 1
        elif fired:
            fp[row["rule"]] += 1
        elif row["expected"]:
            fn[row["rule"]] += 1
    weak = {}
    for rule in RULES:
        precision = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 0.0
        recall = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 0.0
        if precision < 0.8 or recall < 0.8:
            weak[rule] = (round(precision, 2), round(recall, 2))
    assert not weak, f"rules below 0.8 precision/recall: {weak}"
