"""``python manage.py check_leichte_sprache [FILE|-] [--json] [--site HOST] [--separator ·|-]``

Checks a German text against the Leichte Sprache rules. Plain output lists each finding with
line and column; ``--json`` prints exactly ``{"findings": [...], "scores": {...}}``. The exit
status is 0 even with findings (findings are hints, not errors); unreadable input exits 2."""

import json as jsonlib
import sys

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from accessibility.checking import site_preferences
from accessibility.leichte_sprache import TextTooLong, check


class Command(BaseCommand):
    help = "Check a German text against the Leichte Sprache rules (file or standard input)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="A UTF-8 text file, or - for standard input.")
        parser.add_argument("--json", action="store_true", help='Print {"findings": [...], "scores": {...}}.')
        parser.add_argument("--site", help="Hostname of a site whose separator and glossary to use.")
        parser.add_argument("--separator", choices=["\u00b7", "-"], help="Mediopunkt or hyphen in suggestions.")

    def handle(self, *args, file="-", json=False, site=None, separator=None, **options):
        text = self.read(file)
        glossary, site_separator = None, "\u00b7"
        if site:
            site_obj = Site.objects.filter(hostname=site).first()
            if site_obj is None:
                raise CommandError(f"No site with hostname {site!r}.")
            glossary, site_separator = site_preferences(site_obj)
        try:
            report = check(text, glossary=glossary, separator=separator or site_separator)
        except TextTooLong as error:
            raise CommandError(str(error)) from error
        result = report.to_dict()
        if json:
            self.stdout.write(_json_dumps(result))
            return
        self.write_plain(text, result)

    def read(self, file):
        try:
            if file == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(file, "rb") as handle:
                    data = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text (byte {error.start}). Save it as UTF-8.") from error

    def write_plain(self, text, result):
        for f in result["findings"]:
            line = text.count("\n", 0, f["start"]) + 1
            column = f["start"] - (text.rfind("\n", 0, f["start"]) + 1) + 1
            self.stdout.write(f"{line}:{column} {f['rule']}: „{f['text']}“ – {f['message']}")
            if f["suggestion"]:
                self.stdout.write(f"    → {f['suggestion']}")
        s = result["scores"]
        self.stdout.write(
            f"{len(result['findings'])} Hinweise · {s['sentences']} Sätze · {s['words']} Wörter · "
            f"Flesch-Amstad {s['flesch_amstad']} · Wiener Sachtextformel {s['wiener_sachtextformel']}"
        )


def _json_dumps(data):
    return jsonlib.dumps(data, ensure_ascii=False)
