"""The admin's plain buttons, written without their template, are the template's markup exactly."""

import pytest
from django.template.loader import get_template
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
