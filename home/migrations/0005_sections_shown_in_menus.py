"""The public menu now shows exactly the start page's children marked "show in menus", so
editors can take a section out. Sections used to be in the menu whatever the flag said: mark
the existing ones, so no network's menu changes with this migration."""

from django.db import migrations


def mark_sections(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    standard = ContentType.objects.filter(app_label="home", model="standardpage").first()
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        children = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1, show_in_menus=False)
        if standard is not None:
            children = children.exclude(content_type=standard)
        children.update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_german_field_names"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(mark_sections, migrations.RunPython.noop)]
