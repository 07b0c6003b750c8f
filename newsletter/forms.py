from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.models import ActionFieldPage

from .models import Edition


def site_topics(site):
    return ActionFieldPage.objects.live().descendant_of(site.root_page).order_by("title")


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    name = forms.CharField(label=_("Name (optional)"), required=False, max_length=150)
    edition = forms.ChoiceField(
        label=_("Edition"), choices=Edition.choices, initial=Edition.STANDARD, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="de")
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=ActionFieldPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get everything."),
    )
    consent = forms.BooleanField(
        label=_("I agree"), required=True, error_messages={"required": _("Please agree to receive the newsletter.")}
    )
    # Honeypot: hidden from people by CSS and aria-hidden, filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = site_topics(site)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["language"].widget.attrs["autocomplete"] = "language"
        reading = get_language()  # who signs up on /ar/newsletter/ reads Arabic
        if reading in dict(settings.LANGUAGES):
            self.fields["language"].initial = reading


class PreferencesForm(forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=150)
    edition = forms.ChoiceField(label=_("Edition"), choices=Edition.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=ActionFieldPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get everything."),
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = site_topics(site)
