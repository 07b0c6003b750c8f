"""Wagtail's initial data names its default workflow and task "Moderators approval". Editors
of a German admin then read "In Moderators approval einreichen" on every page they edit. Both
get a German name, unless an administrator already renamed them."""

from django.db import migrations

ENGLISH = "Moderators approval"
GERMAN = "Freigabe durch die Moderation"


def rename(old, new):
    def run(apps, schema_editor):
        apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
        apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_translatable_snippets"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename(ENGLISH, GERMAN), rename(GERMAN, ENGLISH))]
