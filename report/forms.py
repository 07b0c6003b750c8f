from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

FIRST_YEAR = 2000


class ReportRequestForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Network"), queryset=Site.objects.none())
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        if sites.count() == 1:
            self.fields["site"].initial = sites.first().pk
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["year"].initial = this_year - 1
