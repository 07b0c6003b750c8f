"""What every page of a network needs besides its own content, loaded once and kept in the
network's fragment cache (:mod:`responsecache.fragments`) until something it shows changes:

- the tree: the start page in each language, the view restrictions on the network's pages (and
  on the tree's root) and its alias pages — enough to route a request and check its restrictions
  without walking the tree;
- the frame: menu, footer pages and footer contact in the page's language;
- the network's action fields (filters of the news list and the calendar);
- the locales (shared by all networks).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Locale, Page, PageViewRestriction

from home.localization import in_language
from home.visibility import public
from responsecache import fragments


@dataclass
class NetworkTree:
    """The parts of a network's page tree that routing and view restrictions need."""

    site_root: Page  # the start page (specific), as the site names it
    roots: dict = field(default_factory=dict)  # locale id → live start page (specific) in that language
    restrictions: list = field(default_factory=list)  # (path of the restricted page, restriction)
    aliases: dict = field(default_factory=dict)  # path of an alias page → id of its source page

    def root_for_locale(self, locale_id):
        return self.roots.get(locale_id, self.site_root)

    def view_restrictions(self, page):
        """The restrictions on ``page`` and its ancestors (like ``Page.get_view_restrictions``),
        or None when an alias is involved (its source may live in another network)."""
        if page.alias_of_id:
            return None
        steplen = page.steplen
        prefixes = {page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)}
        if prefixes & self.aliases.keys():
            return None
        return [restriction for path, restriction in self.restrictions if path in prefixes]

    def restricted(self, path):
        """Whether a restriction hides the page at ``path`` from anonymous readers."""
        return any(path.startswith(restricted) for restricted, _restriction in self.restrictions)


def _build_tree(site):
    site_root = site.root_page.specific
    translations = list(Page.objects.filter(translation_key=site_root.translation_key).specific())
    for root in [site_root, *translations]:  # the start page's picture comes with it
        if getattr(root, "image_id", None):
            root.image  # noqa: B018
    roots = {page.locale_id: page for page in translations if page.live}
    roots.setdefault(site_root.locale_id, site_root)
    in_network = Q()
    for root in translations or [site_root]:
        in_network |= Q(page__path__startswith=root.path)
    restrictions = [
        (restriction.page.path, restriction)
        for restriction in PageViewRestriction.objects.filter(in_network | Q(page__depth=1)).select_related("page")
    ]
    pages_in_network = Q()
    for root in translations or [site_root]:
        pages_in_network |= Q(path__startswith=root.path)
    aliases = dict(Page.objects.filter(pages_in_network, alias_of__isnull=False).values_list("path", "alias_of_id"))
    return NetworkTree(site_root=site_root, roots=roots, restrictions=restrictions, aliases=aliases)


def tree(site, request=None):
    return fragments.network_value(site, "tree", lambda: _build_tree(site), request=request)


def locales(request=None):
    """``{id: Locale}`` of every locale (a handful; they change only when an admin adds one)."""
    return fragments.global_value(
        "locales", lambda: {locale.pk: locale for locale in Locale.objects.all()}, request=request
    )


def give_locale(page, request=None):
    """Attach the page's locale from the cached locales, so ``page.locale`` needs no query."""
    locale_id = page.__dict__.get("locale_id") if page is not None else None  # never load a deferred field
    if not locale_id or not fragments.enabled():
        return page
    if not page._state.fields_cache.get("locale"):
        locale = locales(request).get(locale_id)
        if locale is not None:
            page._state.fields_cache["locale"] = locale
    return page


def attach_locale(sender, instance, **kwargs):
    """``post_init`` of pages: while a request is answered with the fragments on, a page comes
    with its locale from the cached locales (the API's ``meta.locale``, ``lang`` attributes and
    snippet translations then need no query for it)."""
    if fragments.current_request() is not None and fragments.enabled():
        give_locale(instance, fragments.current_request())


def _build_frame(site, page):
    from home.localization import locale_of

    root = site.root_page.specific
    contacts = (
        in_language([item.contact for item in root.contacts.select_related("contact")], locale_of(page))
        if hasattr(root, "contacts")
        else []
    )
    children = list(public(site.root_page.get_children().live()))
    return {
        "root": root,
        "name": site.site_name or root.title,
        "menu": [child for child in children if child.show_in_menus],
        "contact": contacts[0] if contacts else None,
        "email": next((c.email for c in contacts if c.email), ""),
        "footer_pages": [child for child in children if not child.show_in_menus][:8],
        "sections": children,  # every live, public child of the start page
    }


def frame(site, page, request=None):
    """Menu, footer pages and footer contact of the network, for a page in ``page``'s language."""
    from django.utils.translation import get_language

    language = getattr(page, "locale_id", None) or get_language() or ""
    return fragments.network_value(site, "frame", lambda: _build_frame(site, page), language, request=request)


def action_fields(site, request=None):
    """The network's live, public action fields, by title."""
    from home.models import ActionFieldPage

    def build():
        return list(public(ActionFieldPage.objects.descendant_of(site.root_page).live()).order_by("title"))

    return fragments.network_value(site, "action-fields", build, request=request)


def known_roots(site, request=None):
    """``{path: start page}`` of the network's live start pages per language, from the fragment
    cache; empty while it is off (callers then load what they need as before)."""
    if not fragments.enabled():
        return {}
    known = tree(site, request)
    return {root.path: root for root in [known.site_root, *known.roots.values()] if root.live}


def site_of(page, request=None):
    """The network ``page`` belongs to: the request's site (no query) when the page is in one of
    its language trees, else the page's own (a page shown under another host)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if not isinstance(page, Page):
        return site
    if site is not None:
        roots = known_roots(site, request) or {site.root_page.path: None}
        if any(page.path.startswith(path) for path in roots):
            return site
    return page.get_site()
