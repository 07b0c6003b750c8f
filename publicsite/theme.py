"""A network's look: its colours as CSS custom properties in a stylesheet of its own.

Our Content-Security-Policy allows no inline styles, so the colours chosen in a network's site
settings reach the page as ``/theme.css`` (one per site, cacheable for a year under a version
derived from the colours and logo, so a change of the settings gives new URLs at once).

Colours are accepted only where text stays readable: white text on the colour and the colour as
text on white both need a contrast of at least 4.5:1 (WCAG 2.2, success criterion 1.4.3; the
ratio is the same both ways). The light tint used behind info boxes and the toolbar is derived
from the main colour and lightened until the main colour keeps 4.5:1 on it too.
"""

import hashlib
import re
from dataclasses import asdict, dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5
WHITE = "#ffffff"
DEFAULT_PRIMARY = "#0b5394"
DEFAULT_SECONDARY = "#073763"
CACHE_SECONDS = 24 * 60 * 60


def rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def hex_of(channels):
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def relative_luminance(colour):
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour, other, share_of_other):
    return hex_of(a + (b - a) * share_of_other for a, b in zip(rgb(colour), rgb(other), strict=True))


def darker(colour, amount=0.3):
    return mix(colour, "#000000", amount)


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Please give the colour as #RRGGBB, for example #0b5394."), code="format")


def validate_readable_with_white(value):
    """Refuse a colour that white text on it (or it as text on white) could not be read against."""
    validate_hex_colour(value)
    ratio = contrast_ratio(value, WHITE)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "The colour %(colour)s has a contrast of only %(ratio)s:1 with white. Text, links and "
                "buttons need at least 4.5:1 (WCAG 2.2, success criterion 1.4.3): please choose a darker colour."
            ),
            code="contrast",
            params={"colour": value, "ratio": number_format(int(ratio * 10) / 10, 1)},
        )


def soft_tint(colour):
    """A light background in the colour's hue on which the colour itself stays readable as text."""
    for share in (0.9, 0.92, 0.94, 0.96, 0.98):
        tint = mix(colour, WHITE, share)
        if contrast_ratio(colour, tint) >= MINIMUM_CONTRAST:
            return tint
    return WHITE


@dataclass(frozen=True)
class Theme:
    """What the frame of a network's pages shows of its identity."""

    primary: str = DEFAULT_PRIMARY
    secondary: str = DEFAULT_SECONDARY
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0

    @property
    def soft(self):
        return soft_tint(self.primary)

    @property
    def version(self):
        """Changes whenever anything the stylesheet or the header shows changes."""
        return hashlib.sha256(repr(sorted(asdict(self).items())).encode()).hexdigest()[:12]

    def css(self):
        return (
            "/* The network's colours (site settings → Netzwerk-Auftritt). */\n"
            f":root {{ --accent: {self.primary}; --accent-dark: {self.secondary}; --soft: {self.soft}; }}\n"
        )


DEFAULT_THEME = Theme()


def theme_of(identity, logo_height=96):
    """The theme a ``NetworkIdentity`` setting describes (the default look without one)."""
    if identity is None:
        return DEFAULT_THEME
    primary = identity.primary_colour or DEFAULT_PRIMARY
    logo = {}
    if identity.logo_id:
        rendition = identity.logo.get_rendition(f"height-{logo_height}|preserve-svg")
        # An SVG's rendition measures in floats, which the template would print localised
        # ("96,0"), not a valid width attribute: whole pixels.
        logo = {
            "logo_url": rendition.url,
            "logo_width": round(rendition.width),
            "logo_height": round(rendition.height),
        }
    return Theme(primary=primary, secondary=identity.secondary_colour or darker(primary), **logo)


def cache_key(site_id):
    return f"publicsite:theme:{site_id}"


def theme_for_site(site):
    """The site's theme, from the cache (no query per page view) or built once."""
    if site is None:
        return DEFAULT_THEME
    cached = cache.get(cache_key(site.pk))
    if cached is not None:
        return Theme(**cached)
    from .models import NetworkIdentity

    identity = NetworkIdentity.objects.filter(site=site).select_related("logo").first()
    theme = theme_of(identity)
    cache.set(cache_key(site.pk), asdict(theme), CACHE_SECONDS)
    return theme


def forget_theme(site_id):
    cache.delete(cache_key(site_id))


def theme_stylesheet(request):
    """``/theme.css``: the requesting network's colours. Under the current ``?v=`` it may be cached
    for a year (the URL changes with the settings); without it, for five minutes."""
    from django.http import HttpResponse, HttpResponseNotModified
    from wagtail.models import Site

    theme = theme_for_site(Site.find_for_request(request))
    etag = f'"{theme.version}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(theme.css(), content_type="text/css; charset=utf-8")
    current = request.GET.get("v") == theme.version
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "public, max-age=300"
    response["ETag"] = etag
    return response
