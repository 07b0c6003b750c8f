"""Celery tasks of the home app. Tasks stay thin: they call plain functions."""

from celery import shared_task

from .scheduling import publish_scheduled


@shared_task(name="home.publish_scheduled")
def publish_scheduled_task():
    """Run by Celery beat every minute: publish and unpublish what editors scheduled."""
    return publish_scheduled()
