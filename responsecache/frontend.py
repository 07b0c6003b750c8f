"""Purging a CDN or Varnish in front (Wagtail's ``wagtail.contrib.frontend_cache``).

Our own cache invalidates a whole network per event (see :mod:`responsecache.generations`), so
the front cache is told the same: one purge of the network's root URL per network, which the
Varnish configuration in the README turns into a ban of every URL of that host (a prefix ban).
Wagtail's own handlers also purge the published page's URLs.
"""

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


def network_root_urls(site_ids=None):
    sites = Site.objects.all() if site_ids is None else Site.objects.filter(pk__in=site_ids)
    return sorted({f"{site.root_url}/" for site in sites})


def purge_networks(site_ids=None):
    urls = network_root_urls(site_ids)
    if urls:
        purge_urls_from_cache(urls)
    return urls
