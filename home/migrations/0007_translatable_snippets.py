"""Contacts, organisations and funders become translatable (wagtail-localize).

Existing rows keep their data and become the German source of their translations: each gets
the default locale and a translation key of its own (added as nullable columns, filled row by
row, then made required; a column default would give every row the same key). An organisation's
name is unique per network and language."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("contact", "organisation", "funder")


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE
    return Locale.objects.filter(language_code=code).first() or Locale.objects.create(language_code=code)


def backfill(apps, schema_editor):
    locale = None
    for name in MODELS:
        model = apps.get_model("home", name)
        rows = list(model.objects.filter(translation_key__isnull=True).only("pk"))
        if not rows:
            continue
        locale = locale or default_locale(apps)
        for row in rows:
            row.locale_id = locale.pk
            row.translation_key = uuid.uuid4()
        model.objects.bulk_update(rows, ["locale_id", "translation_key"], batch_size=500)


def nullable_fields(name):
    return [
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
    ]


def required_fields(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name=name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_body_blocks_say_what_they_read_out"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(op for name in MODELS for op in nullable_fields(name)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        *(op for name in MODELS for op in required_fields(name)),
        migrations.RemoveConstraint(model_name="organisation", name="unique_organisation_per_site"),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                fields=("site", "name", "locale"), name="unique_organisation_per_site_and_locale"
            ),
        ),
    ]
