"""A network's identity on its public site: logo and colours (Wagtail site settings)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .theme import DEFAULT_PRIMARY, validate_readable_with_white


class ColourInput(forms.TextInput):
    """The browser's colour picker (it submits #rrggbb)."""

    input_type = "color"


@register_setting(icon="image")
class NetworkIdentity(BaseSiteSetting):
    """How readers recognise the network: its logo in the header and its colours for links,
    buttons and lines. Colours must keep a contrast of 4.5:1 with white; the site serves them
    as a stylesheet of its own (``/theme.css``) because our CSP allows no inline styles."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the network's name in the header of every page. SVG, PNG or WebP."),
    )
    primary_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        validators=[validate_readable_with_white],
        help_text=_("Links, buttons and lines. Needs a contrast of at least 4.5:1 with white."),
    )
    secondary_colour = models.CharField(
        _("second colour"),
        max_length=7,
        blank=True,
        validators=[validate_readable_with_white],
        help_text=_("Lines of header and footer, buttons under the mouse. Empty: a darker shade of the main colour."),
    )

    panels = [
        FieldPanel("logo"),
        FieldPanel("primary_colour", widget=ColourInput),
        FieldPanel("secondary_colour", widget=forms.TextInput(attrs={"placeholder": "#073763"})),
    ]

    class Meta:
        verbose_name = _("network identity")
