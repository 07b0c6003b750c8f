"""Human names and short explanations of the Leichte Sprache checker's rules, for editors.

The checker reports rule ids (``line_per_sentence``); the admin, the editor panel and the
API-independent views show these names instead, in the editor's language."""

from django.utils.translation import gettext_lazy as _

RULE_NAMES = {
    "sentence_length": (_("Long sentence"), _("Sentences of more than 12 words are hard to read.")),
    "two_statements": (_("Two statements in one sentence"), _("Each sentence says one thing.")),
    "passive": (_("Passive voice"), _("Say who does something.")),
    "genitive": (_("Genitive"), _("The genitive is hard to understand. Write with “von”.")),
    "konjunktiv": (_("Subjunctive"), _("Forms such as “wäre”, “könnte”, “würde” are hard to understand.")),
    "negation": (_("Negation"), _("Readers easily miss a negation.")),
    "abbreviation": (_("Abbreviation"), _("Abbreviations are hard to understand. Write the word out.")),
    "long_word": (_("Long word"), _("Split long words with a Mediopunkt (·) or a hyphen, or take a shorter word.")),
    "numbers": (
        _("Difficult number"),
        _("Big numbers, percentages, decimals, Roman numerals and numbers as words are hard to read."),
    ),
    "dates": (_("Date or range in digits"), _("Write the month as a word, and “von … bis …” instead of a dash.")),
    "special_characters": (_("Special character"), _("Brackets, quotation marks, § & * ; are hard to read.")),
    "praeteritum": (_("Simple past"), _("In Leichte Sprache we write the perfect tense (“hat gemacht”).")),
    "line_per_sentence": (_("Several sentences in one line"), _("Every sentence starts on a new line.")),
    "glossary": (
        _("Another word for the same thing"),
        _("One word for one thing: your word list names the word to use."),
    ),
}


def rule_name(rule):
    return str(RULE_NAMES.get(rule, (rule, ""))[0])


def rule_explanation(rule):
    return str(RULE_NAMES.get(rule, (rule, ""))[1])


def with_rule_names(findings):
    """Findings (dicts) with ``rule_name`` and ``rule_explanation`` added for display."""
    return [
        {**f, "rule_name": rule_name(f.get("rule")), "rule_explanation": rule_explanation(f.get("rule"))}
        for f in findings or []
    ]
