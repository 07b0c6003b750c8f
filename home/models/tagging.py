"""Tagging content with action fields (Handlungsfelder) and the admin form that keeps the
choice inside the page's own network."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

from home.routes import check_slug
from home.slugs import ascii_slug, browser_formatter_attrs, needs_ascii


def site_root_for(page, parent_page=None):
    """The root page of the network a (possibly unsaved) page belongs to."""
    anchor = page if page.pk else parent_page
    if anchor is None:
        return None
    site = anchor.get_site()
    return site.root_page if site else None


class NetworkPageForm(WagtailAdminPageForm):
    """Limits choosers of action fields to the action fields of the page's own network, and
    refuses slugs that collide with the installation's routes (also for pages not yet saved)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("action_fields")
        if field is not None:
            from .pages import ActionFieldPage

            root = site_root_for(self.instance, self.parent_page)
            queryset = ActionFieldPage.objects.all()
            if root is not None:
                queryset = queryset.descendant_of(root)
            field.queryset = queryset.order_by("title")
        slug = self.fields.get("slug")
        if slug is not None:
            slug.widget.attrs.update(browser_formatter_attrs())

    def clean_slug(self):
        """ASCII also when the browser did not transliterate (no JavaScript, pasted value)."""
        slug = self.cleaned_data.get("slug")
        return ascii_slug(slug) if needs_ascii(slug) else slug

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        try:
            check_slug(cleaned_data.get("slug"), parent)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data


def summarise_action_fields(page):
    return [{"id": af.pk, "title": af.title, "slug": af.slug, "url": af.get_url()} for af in page.action_fields.all()]


class ActionFieldTagged(models.Model):
    """Mixin for pages tagged with action fields; modelcluster keeps the tags in revisions."""

    action_fields = ParentalManyToManyField(
        "home.ActionFieldPage",
        verbose_name=_("action fields"),
        blank=True,
        related_name="tagged_%(class)s",
    )

    base_form_class = NetworkPageForm
    action_field_panel = FieldPanel("action_fields", widget=forms.CheckboxSelectMultiple)
    action_field_api_fields = [APIField("action_fields"), APIField("action_field_summaries")]

    class Meta:
        abstract = True

    @property
    def action_field_summaries(self):
        return summarise_action_fields(self)
