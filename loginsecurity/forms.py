from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, has_app=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_app:  # a passkey user types a code only from the printed list (letters and digits)
            self.fields["token"].help_text = _("One of your recovery codes.")
            for attribute in ("inputmode", "autofocus"):  # the passkey button comes first
                self.fields["token"].widget.attrs.pop(attribute)

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).replace("\x00", "")


class PasskeyNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=64,
        help_text=_("So you can tell your keys apart, e.g. “YubiKey blue” or “Laptop at the office”."),
    )
