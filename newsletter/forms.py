from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import ActionFieldPage

from .models import Edition


def site_topics(site):
    return ActionFieldPage.objects.live().descendant_of(site.root_page).order_by("title")


class TopicsField(forms.ModelMultipleChoiceField):
    """The network's action fields to choose from, each titled in the reader's language where it
    is translated, else in German marked as German (WCAG 3.1.2: /ar/newsletter/ is Arabic)."""

    def for_site(self, site):
        self.queryset = site_topics(site)
        self.translated = {}
        reading = get_language()
        if reading and reading != "de":
            keys = [page.translation_key for page in self.queryset]
            self.translated = dict(
                Page.objects.live()
                .filter(translation_key__in=keys, locale__language_code=reading)
                .values_list("translation_key", "title")
            )
        self.reading = reading

    def label_from_instance(self, page):
        if getattr(self, "reading", "de") in (None, "de"):
            return page.title
        if page.translation_key in self.translated:
            return self.translated[page.translation_key]
        return format_html('<span lang="de" dir="ltr">{}</span>', page.title)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    name = forms.CharField(label=_("Name (optional)"), required=False, max_length=150)
    edition = forms.ChoiceField(
        label=_("Edition"), choices=Edition.choices, initial=Edition.STANDARD, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="de")
    topics = TopicsField(
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
        self.fields["topics"].for_site(site)
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
    topics = TopicsField(
        label=_("Topics"),
        queryset=ActionFieldPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get everything."),
    )

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].for_site(site)
