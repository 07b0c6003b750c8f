"""Webhook endpoints of a network and the log of what was delivered to them."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel

from home.permissions import SiteOwnedForm


class Event(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("Page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished")
    PAGE_DELETED = "page.deleted", _("Page deleted")
    SNIPPET_CHANGED = "snippet.changed", _("Contact, organisation or funder changed")
    NEWSLETTER_SENT = "newsletter.sent", _("Newsletter issue sent")


def new_secret():
    return secrets.token_urlsafe(32)


class EventsField(models.JSONField):
    """A list of event names, edited as checkboxes."""

    def formfield(self, **kwargs):
        from django import forms

        return forms.TypedMultipleChoiceField(
            choices=Event.choices,
            widget=forms.CheckboxSelectMultiple,
            required=True,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class WebhookEndpoint(models.Model):
    """An address of a network's headless front end that wants to know when content changes.

    A front end that builds static pages (Next.js, Astro, Hugo) cannot poll every page; it
    registers an endpoint per network, and every chosen event is POSTed there, signed with the
    endpoint's secret, so the front end rebuilds what changed and trusts only us."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("network"), on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500, help_text=_("Where the events are POSTed (HTTPS)."))
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Shared with the receiver, which checks the Miteinander-Signature header with it."),
    )
    events = EventsField(pgettext_lazy("webhook", "events"), default=list)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    base_form_class = SiteOwnedForm
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("secret"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return f"{self.name} ({self.url})"


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint: kept so editors see what their front end
    was told and when it failed, and can send it again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        RETRYING = "retrying", _("retrying")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=32, choices=Event.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_status = models.PositiveIntegerField(_("response status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.event} → {self.endpoint.url} ({self.status})"
