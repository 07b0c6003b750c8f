"""Celery tasks of the response cache. Thin: they call :mod:`responsecache.frontend`."""

from celery import shared_task

from . import frontend


@shared_task(name="responsecache.purge_frontend_cache", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def purge_frontend_cache(site_ids=None):
    """Purge the CDN/Varnish in front for these networks (None: all)."""
    return frontend.purge_networks(site_ids)
