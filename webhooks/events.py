"""Which changes become webhook events, and what the payload says about the object.

Each payload carries the object's API URL, so a front end fetches what changed."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from .delivery import queue_event
from .models import Event

SNIPPET_PATHS = {"home.Contact": "contacts", "home.Organisation": "organisations", "home.Funder": "funders"}


def page_object(page, site):
    return {
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(),
        "api_url": f"{site.root_url}/api/v3/pages/{page.pk}/",
    }


def site_of(page):
    try:
        return page.get_site()
    except Site.DoesNotExist:  # no site serves this page (yet)
        return None


def on_page_event(event):
    def handler(sender, instance, **kwargs):
        site = site_of(instance)
        if site is not None:
            queue_event(site, event, page_object(instance, site))

    return handler


def on_page_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page) or getattr(instance, "_webhook_deleted", False):
        return
    instance._webhook_deleted = True
    site = site_of(instance)
    if site is not None:
        queue_event(site, Event.PAGE_DELETED, page_object(instance, site))


def on_snippet_change(sender, instance, raw=False, **kwargs):
    label = sender._meta.label
    if raw or label not in SNIPPET_PATHS or not instance.site_id:
        return
    site = instance.site
    queue_event(
        site,
        Event.SNIPPET_CHANGED,
        {
            "type": label,
            "id": instance.pk,
            "title": str(instance),
            "deleted": "created" not in kwargs,
            "api_url": f"{site.root_url}/api/v3/directory/{SNIPPET_PATHS[label]}/{instance.pk}/",
        },
    )


def on_issue_sent(sender, issue_id, **kwargs):
    from newsletter.models import NewsletterIssue

    issue = NewsletterIssue.objects.select_related("site").get(pk=issue_id)
    queue_event(
        issue.site,
        Event.NEWSLETTER_SENT,
        {
            "type": "newsletter.NewsletterIssue",
            "id": issue.pk,
            "title": issue.subject,
            "api_url": f"{issue.site.root_url}/api/v3/newsletter/issues/{issue.pk}/progress/",
        },
    )


_handlers = {
    "published": on_page_event(Event.PAGE_PUBLISHED),
    "unpublished": on_page_event(Event.PAGE_UNPUBLISHED),
}


def connect_signals():
    from newsletter.signals import issue_sent

    page_published.connect(_handlers["published"], dispatch_uid="webhooks.page_published")
    page_unpublished.connect(_handlers["unpublished"], dispatch_uid="webhooks.page_unpublished")
    pre_delete.connect(on_page_delete, sender=Page, dispatch_uid="webhooks.page_deleted")
    post_save.connect(on_snippet_change, dispatch_uid="webhooks.snippet_saved")
    post_delete.connect(on_snippet_change, dispatch_uid="webhooks.snippet_deleted")
    issue_sent.connect(on_issue_sent, dispatch_uid="webhooks.issue_sent")
