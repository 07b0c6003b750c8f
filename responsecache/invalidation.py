"""Which events invalidate which networks' cached answers, and the CDN purge on the same events.

Pages: published, unpublished (also before a delete and by scheduled publishing, which goes
through the same Wagtail actions), moved or reordered (both networks of a move), deleted, and a
changed view restriction. Objects shown on pages: the snippets (contact with office hours,
organisation, funder), every site setting, Leichte Sprache links, built variants and checker
results, sign-language videos and BITV explanations, redirects. Menus follow from the page tree
(its pages' publish/move events); translations are pages of another locale and publish the same.
Objects every network may show (images, documents, media and their video checks, sites, locales)
bump the global counter.

Each event bumps at once *and* again after its transaction commits: a reader who rendered from
the database between the first bump and the commit stored the old content under the new
generation, and the second bump retires that answer too.
"""

from functools import cache as memoize

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generations

# model label → how to find the pages or sites an instance is shown on
SITE_FIELD = "site"
SHOWN_ON_SITE = {
    "home.Contact": "site_id",
    "home.Organisation": "site_id",
    "home.Funder": "site_id",
    "signlanguage.SignLanguageVideo": "site_id",
    "signlanguage.BITVExplanation": "site_id",
    "wagtailredirects.Redirect": "site_id",
}
SHOWN_ON_PAGES = {
    "home.OfficeHour": lambda hour: [],  # resolved through its contact, below
    "accessibility.LeichteSpracheLink": lambda link: [link.page_id, link.variant_id],
    "accessibility.PageVariant": lambda variant: [variant.page_id],
    "accessibility.LeichteSpracheCheck": lambda check: [check.page_id],
    "wagtailcore.PageViewRestriction": lambda restriction: [restriction.page_id],
}
SHOWN_EVERYWHERE = {
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailmedia.Media",
    "signlanguage.VideoCheck",
    "wagtailcore.Site",
    "wagtailcore.Locale",
}


def counters_for_sites(sites):
    counters = {generations.ANY}
    for site in sites:
        counters.add(generations.host_counter(site.hostname))
        if site.is_default_site:
            counters.add(generations.DEFAULT)
    return counters


def sites_of_url_paths(url_paths):
    """The sites whose page tree (in any language) holds a page with one of these url_paths."""
    site_ids = {
        root.site_id
        for root in Site.get_site_root_paths()
        for url_path in url_paths
        if url_path and url_path.startswith(root.root_path)
    }
    return list(Site.objects.filter(pk__in=site_ids)) if site_ids else []


def invalidate_counters(counters, site_ids=None):
    """Bump now and after the commit; purge a CDN in front after the commit."""
    if not counters or not getattr(settings, "RESPONSE_CACHE_ENABLED", False) and not _frontend_cache_configured():
        return
    generations.bump(counters)

    def after_commit():
        generations.bump(counters)
        if _frontend_cache_configured():
            from .tasks import purge_frontend_cache

            purge_frontend_cache.delay(sorted(site_ids) if site_ids is not None else None)

    transaction.on_commit(after_commit)


def invalidate_sites(sites):
    sites = list(sites)
    if not sites:  # shown on no network we know of: be safe
        invalidate_everything()
        return
    invalidate_counters(counters_for_sites(sites), {site.pk for site in sites})


def invalidate_site_ids(site_ids):
    invalidate_sites(Site.objects.filter(pk__in=[pk for pk in site_ids if pk]))


def invalidate_pages(page_ids=(), url_paths=()):
    paths = set(url_paths)
    page_ids = [pk for pk in page_ids if pk]
    if page_ids:
        paths.update(Page.objects.filter(pk__in=page_ids).values_list("url_path", flat=True))
    invalidate_sites(sites_of_url_paths(paths))


def invalidate_everything():
    invalidate_counters({generations.GLOBAL, generations.ANY}, None)


def _frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# --- signal handlers -------------------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    invalidate_pages(url_paths=[instance.url_path])


def page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    invalidate_pages(url_paths=[url_path_before, url_path_after, instance.url_path])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_pages(url_paths=[instance.url_path])


@memoize
def resolver_for(model):
    """How to invalidate for an instance of ``model``, or None when it is shown nowhere."""
    label = model._meta.label
    if label in SHOWN_EVERYWHERE:
        return lambda instance: invalidate_everything()
    if label == "home.OfficeHour":
        return lambda hour: invalidate_site_ids([_contact_site_id(hour)])
    if label in SHOWN_ON_SITE or issubclass(model, BaseSiteSetting):
        attribute = SHOWN_ON_SITE.get(label, "site_id")
        return lambda instance: (
            invalidate_site_ids([getattr(instance, attribute)])
            if getattr(instance, attribute, None)
            else invalidate_everything()
        )
    if label in SHOWN_ON_PAGES:
        pages_of = SHOWN_ON_PAGES[label]
        return lambda instance: invalidate_pages(page_ids=pages_of(instance))
    return None


def _contact_site_id(hour):
    contact_model = apps.get_model("home", "Contact")
    return contact_model.objects.filter(pk=hour.contact_id).values_list("site_id", flat=True).first()


def object_changed(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures
        return
    resolve = resolver_for(sender)
    if resolve is not None:
        resolve(instance)


def connect_signals():
    page_published.connect(page_changed, dispatch_uid="responsecache.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="responsecache.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="responsecache.page_moved")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="responsecache.page_deleted")
    post_save.connect(object_changed, dispatch_uid="responsecache.object_saved")
    post_delete.connect(object_changed, dispatch_uid="responsecache.object_deleted")
