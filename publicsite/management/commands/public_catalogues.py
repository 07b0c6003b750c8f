"""Add the public interface's new strings to the root catalogues of every reader language.

New entries come with an empty translation (English: the msgid itself), so the catalogue test
names them until a translator fills them in; then run ``compilemessages``.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from publicsite.catalogue import PUBLIC_LANGUAGES, missing, public_messages


class Command(BaseCommand):
    help = "Add missing public interface strings to locale/<language>/LC_MESSAGES/django.po"

    def handle(self, *args, **options):
        plurals = public_messages()
        for language in PUBLIC_LANGUAGES:
            path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
            if not path.exists():
                self.stderr.write(f"{path} does not exist; create it with its Plural-Forms header first.")
                continue
            catalogue = polib.pofile(str(path))
            added = 0
            for context, msgid in missing(language):
                if catalogue.find(msgid, msgctxt=context):
                    continue  # present but untranslated: leave it for the translator
                plural = plurals[(context, msgid)]
                entry = polib.POEntry(msgctxt=context, msgid=msgid, msgid_plural=plural)
                if plural:
                    forms = int(catalogue.metadata.get("Plural-Forms", "nplurals=2").split("=")[1].split(";")[0])
                    entry.msgstr_plural = dict.fromkeys(range(forms), "")
                    if language == "en":
                        entry.msgstr_plural = {0: msgid, 1: plural}
                else:
                    entry.msgstr = msgid if language == "en" else ""
                catalogue.append(entry)
                added += 1
            if added:
                catalogue.save()
            self.stdout.write(f"{language}: {added} new")
