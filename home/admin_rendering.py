"""Wagtail's plain admin buttons rendered without a template: the same HTML, a fraction of the time.

The page explorer renders about ten buttons for each of its up to 50 rows ("Edit", "View live",
"Move", "Copy", "Delete", "Unpublish", "History", "Translate this page" …). Wagtail renders
each through ``wagtailadmin/shared/button.html`` and the ``{% icon %}`` inclusion tag: two
template renders with their own contexts per button, about 500 per explorer page, an eighth of
its CPU time (bench-scale: 203 → 177 ms CPU per request). :func:`render_button` writes the
markup of that template directly, character for character; ``home/tests/test_admin_rendering.py``
compares it with the template's, so a Wagtail upgrade that changes the template fails there
instead of changing what editors see.

Only buttons that render exactly as the template does take this way: a class with another
template or its own context (dropdowns, header buttons with extra context) keeps Wagtail's
rendering, and so does every button when a project template overrides Wagtail's.
"""

from functools import cache

from django.template.loader import get_template
from django.utils.html import format_html
from wagtail.admin.widgets import button as button_module

TEMPLATE = "wagtailadmin/shared/button.html"
_template_render = button_module.BaseButton.render_html


@cache
def _template_is_wagtails():
    """False when a project or app template overrides Wagtail's ``button.html`` (its markup wins)."""
    origin = get_template(TEMPLATE).origin.name.replace("\\", "/")
    return origin.endswith("/wagtail/admin/templates/" + TEMPLATE)


def renders_plainly(button):
    cls = type(button)
    return (
        cls.template_name == TEMPLATE
        and cls.get_context_data is button_module.BaseButton.get_context_data
        and cls.render_html is render_button
        and _template_is_wagtails()
    )


def render_button(self, parent_context=None):
    if not renders_plainly(self):
        return _template_render(self, parent_context)
    if self.icon_name:
        icon = format_html(
            '<svg class="icon icon-{} icon" aria-hidden="true"><use href="#icon-{}"></use></svg>',
            self.icon_name,
            self.icon_name,
        )
        content = format_html("\n    \n        {}\n    \n    {}\n", icon, self.label)
    else:
        content = format_html("\n    \n    {}\n", self.label)
    if self.url:
        return format_html(
            '\n\n\n\n\n    <a href="{}" class="{}" {}>\n        {}\n    </a>\n\n',
            self.url,
            self.classname,
            self.base_attrs_string,
            content,
        )
    return format_html(
        '\n\n\n\n\n    <button class="{}" {}>\n        {}\n    </button>\n\n',
        self.classname,
        self.base_attrs_string,
        content,
    )


def install():
    button_module.BaseButton.render_html = render_button


def share_site_root_paths(pages):
    """``pages`` whose rows share one copy of the sites' root paths.

    Each row's "View live" button and status link ask the page for its URL, and a page keeps
    ``Site.get_site_root_paths()`` on itself: one cache read per row, 50 per explorer page, each
    a round trip to Redis in production. The rows of one listing read it once."""
    from wagtail.models import Site

    base = pages._iterable_class

    class SharingSiteRootPaths(base):
        def __iter__(self):
            paths = None
            for page in super().__iter__():
                if paths is None:
                    paths = Site.get_site_root_paths()
                page._wagtail_cached_site_root_paths = paths
                yield page

    pages = pages.all()
    pages._iterable_class = SharingSiteRootPaths
    return pages
