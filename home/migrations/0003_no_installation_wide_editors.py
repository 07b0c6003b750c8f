"""Wagtail's initial data gives its default "Editors" and "Moderators" groups page permissions
on the tree root, which spans every network of the installation. On a multi-network
installation that breaks the rule that a network's editors only edit their own network, so
those root-wide grants are removed; networks get their own "Redaktion …" groups instead."""

from django.db import migrations


def remove_root_page_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name__in=["Editors", "Moderators"], page__depth=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_news_date_local"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(remove_root_page_permissions, migrations.RunPython.noop)]
