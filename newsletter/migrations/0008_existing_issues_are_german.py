"""Existing issues get the default locale (German) and a translation key of their own, so they
can be translated; nothing else about them changes."""

import uuid

from django.conf import settings
from django.db import migrations


def existing_issues_are_german(apps, schema_editor):
    Issue = apps.get_model("newsletter", "NewsletterIssue")
    Locale = apps.get_model("wagtailcore", "Locale")
    issues = Issue.objects.filter(translation_key__isnull=True)
    if not issues.exists():
        return
    language = settings.LANGUAGE_CODE.split("-")[0]
    locale, _created = Locale.objects.get_or_create(language_code=language)
    for issue in issues.iterator():
        issue.translation_key = uuid.uuid4()
        issue.locale = locale
        issue.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0007_issue_locale_fields")]

    operations = [migrations.RunPython(existing_issues_are_german, migrations.RunPython.noop)]
