"""The actions editors look for sit in the page editor's header, not only in its "…" menu:
accessible versions, translate, headless preview and sign language video.

Wagtail puts every ``register_page_header_buttons`` button into the "…" dropdown. The page
edit view has no hook for header buttons of its own, so ``install()`` wraps its
``get_header_buttons`` once and lifts the buttons named in PROMOTED out of the dropdown."""

from django.urls import Resolver404, resolve
from wagtail.admin.widgets import ButtonWithDropdown
from wagtail.admin.widgets.button import HeaderButton

PROMOTED = {
    "accessibility:variant_status",
    "wagtail_localize:submit_page_translation",
    "headless_preview",
    "wagtailsnippets_signlanguage_signlanguagevideo:add",
    "wagtailsnippets_signlanguage_signlanguagevideo:edit",
}


def _view_name(url):
    try:
        return resolve(url.split("?", 1)[0]).view_name
    except Resolver404:
        return None


def promote(buttons):
    """The header buttons with the promoted ones taken out of the "…" dropdown and put first."""
    promoted, result = [], []
    for button in buttons:
        if isinstance(button, ButtonWithDropdown):
            keep = []
            for inner in button.dropdown_buttons:
                (promoted if _view_name(inner.url or "") in PROMOTED else keep).append(inner)
            button.dropdown_buttons = keep
            if not keep:
                continue
        result.append(button)
    header = [
        HeaderButton(b.label, b.url, icon_name=b.icon_name, attrs=dict(b.attrs), priority=b.priority)
        for b in sorted(promoted)
    ]
    return header + result


def labelled_add_button(self):
    """The page listing's "Add child page" with its words beside the "+" (Wagtail shows only the
    icon, the label appears as a tooltip on hover)."""
    if self.add_url:
        return HeaderButton(self.add_item_label, url=self.add_url, icon_name="plus")


def install_add_child_label():
    from django.utils.functional import cached_property
    from wagtail.admin.views.pages.listing import ExplorableIndexView as IndexView

    if getattr(IndexView, "miteinander_labelled_add", False):
        return
    prop = cached_property(labelled_add_button)
    prop.__set_name__(IndexView, "add_button")
    IndexView.add_button = prop
    IndexView.miteinander_labelled_add = True


def install():
    from wagtail.admin.views.pages.edit import EditView

    install_add_child_label()

    if getattr(EditView.get_header_buttons, "miteinander_promotes", False):
        return
    original = EditView.get_header_buttons

    def get_header_buttons(self):
        return promote(original(self))

    get_header_buttons.miteinander_promotes = True
    EditView.get_header_buttons = get_header_buttons
