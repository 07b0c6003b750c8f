"""The admin form for a subscriber added by hand: it either starts the double opt-in (the
confirmation mail goes out, default) or records a consent given elsewhere, with a note saying
where and when. Never a silent pending row that nobody confirms."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.permissions import SiteOwnedForm

SEND_CONFIRMATION = "confirm"
CONSENT_RECORDED = "recorded"


class SubscriberAdminForm(SiteOwnedForm):
    added_how = forms.ChoiceField(
        label=_("How does this person agree?"),
        choices=[
            (SEND_CONFIRMATION, _("Send the confirmation mail now (double opt-in)")),
            (CONSENT_RECORDED, _("The person has already agreed elsewhere, e.g. on paper: record that consent")),
        ],
        initial=SEND_CONFIRMATION,
        widget=forms.RadioSelect,
        required=False,
    )
    admin_consent_note = forms.CharField(
        label=_("Where and when did the person agree?"),
        help_text=_("Required when you record a consent, e.g. “signed on paper at the forum, 12.11.”"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # only when adding: an existing subscriber has its own consent record
            self.fields.pop("added_how", None)
            self.fields.pop("admin_consent_note", None)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            return cleaned
        how = cleaned.get("added_how") or SEND_CONFIRMATION
        cleaned["added_how"] = how
        if how == CONSENT_RECORDED and not (cleaned.get("admin_consent_note") or "").strip():
            self.add_error(
                "admin_consent_note",
                _("Say where and when the person agreed, e.g. “signed on paper at the forum, 12.11.”"),
            )
        return cleaned

    def save(self, commit=True):
        adding = not self.instance.pk
        subscriber = self.instance
        if adding:
            from .models import NewsletterSettings, Subscriber

            site_settings = NewsletterSettings.for_site(subscriber.site)
            subscriber.consent_source = Subscriber.ConsentSource.ADMIN
            subscriber.consent_text_version = site_settings.consent_text_version
            if self.cleaned_data["added_how"] == CONSENT_RECORDED:
                subscriber.status = Subscriber.Status.ACTIVE
                subscriber.consent_at = timezone.now()
                subscriber.consent_note = self.cleaned_data["admin_consent_note"].strip()
            else:
                subscriber.status = Subscriber.Status.PENDING
        subscriber = super().save(commit=commit)
        if adding and self.cleaned_data["added_how"] == SEND_CONFIRMATION:
            from .subscriptions import enqueue_confirmation

            # through the Celery task, which retries while the mail server is down
            transaction.on_commit(lambda: enqueue_confirmation(subscriber))
        return subscriber
