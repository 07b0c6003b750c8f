"""The forms readers fill in. Spam checks live in the form's ``clean`` so that every
rejection comes back as a clear message above the form, with everything typed kept."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import spam
from .models import FormKind, FormSubmission

HONEYPOT_FIELD = "website"


class TelInput(forms.TextInput):
    """A phone number field: ``type="tel"`` gives phones the number keypad."""

    input_type = "tel"


class ParticipationForm(forms.Form):
    join_as = forms.ChoiceField(
        label=_("I would like to join"), choices=FormSubmission.JoinAs.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Required if you join as an organisation."),
    )
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False, widget=TelInput)
    action_fields = forms.ModelMultipleChoiceField(
        label=_("Action fields I am interested in"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    consent = forms.BooleanField(label=_("I agree that my details are used as described in the privacy notice."))
    # Hidden from people (CSS and aria-hidden), filled in by many bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, kind=FormKind.JOIN, action_fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.timestamp_renewed = False
        if kind == FormKind.JOIN:
            self.fields["action_fields"].queryset = action_fields
            self.fields["message"].required = False
            self.fields["message"].label = _("Message (optional)")
            if action_fields is None or not action_fields.exists():
                del self.fields["action_fields"]
        else:
            for name in ("join_as", "organisation", "action_fields"):
                del self.fields[name]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        if "organisation" in self.fields:
            self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields[HONEYPOT_FIELD].widget.attrs.update(autocomplete="off", tabindex="-1")
        if not self.is_bound:
            self.initial["started"] = spam.make_timestamp()

    def renew_timestamp(self):
        """Give the re-rendered form a fresh timestamp (the old one was unusable)."""
        data = self.data.copy()
        data["started"] = spam.make_timestamp()
        self.data = data
        self.timestamp_renewed = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("join_as") == FormSubmission.JoinAs.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Please name your organisation."))
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "The form was not sent: a field that must stay empty was filled in (this is how "
                    "we recognise automatic spam). If a form-filling tool did this, please send the "
                    "form again; your entries are kept."
                ),
                code="honeypot",
            )
        try:
            elapsed = spam.seconds_since(self.data.get("started"))
        except spam.TimestampProblem:
            self.renew_timestamp()
            raise forms.ValidationError(
                _(
                    "The form was open for too long or could not be checked. "
                    "Please send it again; your entries are kept."
                ),
                code="expired",
            ) from None
        minimum = spam.min_fill_seconds()
        if elapsed < minimum:
            raise forms.ValidationError(
                ngettext(
                    "That was very fast: to keep out automatic spam we accept a form only %(seconds)d second "
                    "after it was opened. Please check your entries and send it again.",
                    "That was very fast: to keep out automatic spam we accept a form only %(seconds)d seconds "
                    "after it was opened. Please check your entries and send it again.",
                    minimum,
                )
                % {"seconds": minimum},
                code="too_fast",
            )
        return cleaned
