"""The admin's plain buttons, written without their template, are the template's markup exactly."""

import pytest
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import Button, HeaderButton, ListingButton

from home import admin_rendering


def template_render(button):
    return get_template(admin_rendering.TEMPLATE).render(button.get_context_data({}))


@pytest.mark.parametrize(
    "button",
    [
        ListingButton("Bearbeiten", "/admin/pages/3/edit/?next=%2Fadmin%2F", icon_name="edit", priority=10),
        ListingButton("Live <anzeigen>", "http://a.localhost/x/", icon_name="doc-empty", attrs={"rel": "noreferrer"}),
        Button("Ohne Symbol", "/admin/x/"),
        Button("Ohne Link", icon_name="cog", attrs={"aria-label": "Einstellungen & mehr", "data-x": '"q"'}),
        HeaderButton("Kopf", "/admin/y/", icon_name="plus", icon_only=True),
        Button(
            mark_safe("<b>Sicher</b> &amp; fett"),
            "/admin/z/?a=1&b=<2>",
            classname='x" y',
            attrs={
                "disabled": True,
                "hidden": False,
                "data-none": None,
                "data-amp": "a&b",
                "title": gettext_lazy("Edit"),
            },
        ),
    ],
    ids=lambda button: button.label,
)
def test_buttons_render_as_their_template_does(button):
    assert admin_rendering.renders_plainly(button)
    assert button.render_html({}) == template_render(button)


def test_buttons_with_their_own_template_keep_it():
    from wagtail.admin.widgets import ButtonWithDropdown

    dropdown = ButtonWithDropdown("Mehr", buttons=[Button("Eins", "/1/")], icon_name="dots-horizontal")
    assert not admin_rendering.renders_plainly(dropdown)
    assert "w-dropdown" in dropdown.render_html({})


def dropdown_template_render(dropdown):
    from laces.components import Component

    return Component.render_html(dropdown, {})


DROPDOWN_ITEMS = [
    ListingButton("Bearbeiten", "/admin/pages/3/edit/?next=%2Fadmin%2F", icon_name="edit", priority=10),
    Button("Live <anzeigen>", "http://a.localhost/x/", icon_name="doc-empty", attrs={"rel": "noreferrer"}),
    Button("Ohne Symbol", "/admin/x/", priority=1),
]


@pytest.mark.parametrize(
    "options",
    [
        {"label": "", "icon_name": "dots-horizontal", "attrs": {"aria-label": "Weitere Optionen für 'A & B'"}},
        {"label": "Mehr <Optionen>", "icon_name": "cog", "classname": "button-secondary  extra"},
        {"label": "", "attrs": {"data-x": '"q"', "aria-label": ""}},
        {"label": "Leer"},
    ],
    ids=["icon only", "label and classes", "default icon", "no items"],
)
def test_dropdowns_render_as_their_templates_do(options):
    from wagtail.admin.widgets import ButtonWithDropdown

    items = [] if options["label"] == "Leer" else DROPDOWN_ITEMS
    dropdown = ButtonWithDropdown(buttons=items, **options)
    assert admin_rendering.renders_as_dropdown(dropdown)
    assert dropdown.render_html({}) == dropdown_template_render(dropdown)


@pytest.mark.django_db
def test_explorer_row_menus_render_as_their_templates_do(make_network, django_user_model):
    """Each explorer row's "More options" menu (Wagtail's hooks and wagtail-localize's) is written
    in Python; the editor gets the markup of Wagtail's templates, character for character."""
    import datetime

    from wagtail.admin.widgets import ButtonWithDropdownFromHook

    from conftest import publish
    from home.models import NewsPage

    net = make_network("alpha")
    news = publish(net.news_index.add_child(instance=NewsPage(title="Eins & <zwei>", date=datetime.date(2026, 11, 1))))
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    for page in (news, net.news_index, net.home):
        dropdown = ButtonWithDropdownFromHook(
            "",
            hook_name="register_page_listing_more_buttons",
            page=page,
            user=user,
            next_url=f"/admin/pages/{net.news_index.pk}/",
            icon_name="dots-horizontal",
            attrs={"aria-label": f"Weitere Optionen für '{page.title}'"},
            priority=50,
        )
        assert admin_rendering.renders_as_dropdown(dropdown)
        assert len(dropdown.dropdown_buttons) >= 5
        ours, theirs = dropdown.render_html({}), dropdown_template_render(dropdown)
        assert ours.splitlines() == theirs.splitlines()
        assert ours == theirs


def test_a_dropdown_with_a_button_of_its_own_template_keeps_the_templates():
    from wagtail.admin.widgets import ButtonWithDropdown

    class Special(Button):
        template_name = "wagtailadmin/shared/dropdown/dropdown_button.html"

        def get_context_data(self, parent_context):
            return {"button": self, "children": "Spezial"}

    dropdown = ButtonWithDropdown("Mehr", buttons=[Special("Spezial", "/s/")])
    assert dropdown.render_html({}) == dropdown_template_render(dropdown)


@pytest.mark.django_db
def test_explorer_rows_read_the_site_root_paths_once(admin_client, make_network, monkeypatch):
    """Each row links its live page; the rows share one read of the sites' root paths (a Redis
    round trip in production) instead of one per row."""
    import datetime

    from wagtail.models import Site

    from conftest import publish
    from home.models import NewsPage

    net = make_network("alpha")
    for i in range(5):
        news = NewsPage(title=f"Meldung {i}", slug=f"meldung-{i}", date=datetime.date(2026, 11, 1))
        publish(net.news_index.add_child(instance=news))
    reads = []
    original = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: reads.append(1) or original()))

    html = admin_client.get(f"/admin/pages/{net.news_index.pk}/").content.decode()
    for i in range(5):
        assert f"http://alpha.localhost/aktuelles/meldung-{i}/" in html
    assert len(reads) <= 3, len(reads)  # the rows' one, the parent page's and its header's

    found = admin_client.get(f"/admin/pages/{net.news_index.pk}/?q=Meldung").content.decode()
    assert "http://alpha.localhost/aktuelles/meldung-3/" in found  # the explorer's search still lists


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:move",
        "wagtailadmin_explore",
        "wagtail_localize:update_translations",
    ],
)
def test_row_menu_urls_are_djangos(name):
    """The row menus' URLs are built around the id once per URL name; they are Django's URLs,
    also under a script prefix (the admin served below a path)."""
    from django.urls import get_script_prefix, reverse, set_script_prefix

    for pk in (1, 42, 987654321, 123456789012):
        assert admin_rendering.reverse(name, args=[pk]) == reverse(name, args=[pk])
    before = get_script_prefix()
    set_script_prefix("/cms/")
    try:
        assert admin_rendering.reverse(name, args=[7]) == reverse(name, args=[7])
        assert admin_rendering.reverse(name, args=[7]).startswith("/cms/")
    finally:
        set_script_prefix(before)
    assert admin_rendering.reverse(name, kwargs={}, args=["7"]) == reverse(name, args=["7"])


@pytest.mark.django_db
def test_explorer_status_cells_render_as_their_templates_do(make_network, rf, django_user_model):
    """The status column (live and linked, live + draft, draft, scheduled, expired, live outside
    every site) is written in Python; the editor gets the templates' markup."""
    import datetime

    from django.utils import timezone, translation
    from wagtail.admin.ui.tables.pages import PageStatusColumn
    from wagtail.models import Page

    from conftest import publish
    from home.models import NewsPage

    net = make_network("alpha")

    def news(slug, **fields):
        return net.news_index.add_child(
            instance=NewsPage(title=slug, slug=slug, date=datetime.date(2026, 11, 1), **fields)
        )

    live = publish(news("live"))
    changed = publish(news("changed"))
    changed.title = "Geändert & <neu>"
    changed.save_revision()
    draft = news("draft", live=False)
    scheduled = news("scheduled", live=False)
    scheduled.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=2))
    expired = news("expired", live=False, expired=True)
    outside = Page.get_first_root_node().add_child(
        instance=NewsPage(title="Ohne Site", slug="ohne-site", date=datetime.date(2026, 11, 1))
    )
    request = rf.get("/admin/pages/")
    request.user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    context = {"request": request, "row": None, "table": None}
    pages = [Page.objects.get(pk=page.pk) for page in (live, changed, draft, scheduled, expired, outside)]
    for language in ("de", "en"):
        with translation.override(language):
            for column in (PageStatusColumn("status", sort_key="live"), PageStatusColumn("status", classname="a&b")):
                for page in pages:
                    ours = column.render_cell_html(page, context)
                    assert ours == admin_rendering._status_cell_template_render(column, page, context), page.title
    with translation.override("en"):
        assert [str(page.status_string) for page in pages] == [
            "live",
            "live + draft",
            "draft",
            "scheduled",
            "expired",
            "live",
        ]
    assert pages[-1].get_url() is None  # the live page outside every site has no link
