"""Forms: the admin form of a page's sign language video and the public feedback form of the
accessibility statement. (The media library's checked upload form is in media_forms.py.)"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.permissions import editable_site_ids


class SignLanguageVideoForm(WagtailAdminModelForm):
    """Editors attach videos only to pages of their own networks."""

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if page is None:
            return page
        site = page.get_site()
        if site is None:
            raise ValidationError(_("This page belongs to no network."))
        if self.for_user is not None and site.pk not in editable_site_ids(self.for_user):
            raise ValidationError(_("You may only add videos to pages of your own network."))
        return page


class FeedbackForm(forms.Form):
    """Report a barrier. ``website`` is a honeypot (hidden from people, filled by bots);
    ``started`` is a signed timestamp that shows how long the form was open."""

    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address (optional, if you want an answer)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    barrier_url = forms.CharField(
        label=_("Where is the barrier? (page or address, optional)"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("What is the barrier?"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
