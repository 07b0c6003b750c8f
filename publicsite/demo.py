"""Demo: each network gets a logo (an SVG emblem drawn by code, nothing downloaded) and its
colour in its site settings."""

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from home.extensions import DemoContribution

from .models import NetworkIdentity
from .theme import contrast_ratio, darker, hex_of, mix


def initials(name, limit=3):
    """ "AG Integration Hildesheim" → "AIH"; "Netzwerk Miteinander Altona" → "NMA"."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isalpha() and word[:1].isupper()]
    return "".join(letters[:limit]) or name[:2].upper()


def emblem_svg(name, colour):
    """A square emblem: two interlocking rings (together, "miteinander") over the initials."""
    ring = mix(colour, "#ffffff", 0.55)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<title>{escape(name)}</title>
<rect width="96" height="96" rx="20" fill="{colour}"/>
<circle cx="37" cy="38" r="19" fill="none" stroke="#ffffff" stroke-width="6"/>
<circle cx="59" cy="38" r="19" fill="none" stroke="{ring}" stroke-width="6"/>
<text x="48" y="83" text-anchor="middle" font-family="DejaVu Sans, Verdana, sans-serif" font-size="19"
 font-weight="700" letter-spacing="1" fill="#ffffff">{escape(initials(name))}</text>
</svg>
""".encode()


def readable(colour):
    """The spec's colour, darkened until white text on it reaches 4.5:1."""
    while contrast_ratio(colour, "#ffffff") < 4.5:
        colour = darker(colour, 0.1)
    return colour


def add_identity(site, spec):
    colour = readable(hex_of(spec.get("color", (11, 83, 148))))
    identity = NetworkIdentity.for_site(site)
    if identity.logo_id is None:
        Image = get_image_model()
        collection = Collection.objects.filter(name=spec["site_name"]).first() or Collection.get_first_root_node()
        title = f"Logo {spec['site_name']}"
        logo = Image.objects.filter(title=title, collection=collection).first()
        if logo is None:
            logo = Image(title=title, collection=collection)
            logo.file = ContentFile(emblem_svg(spec["site_name"], colour), name=f"logo-{spec['key']}.svg")
            logo.save()
        identity.logo = logo
    identity.primary_colour = colour
    identity.secondary_colour = darker(colour, 0.3)
    identity.full_clean()
    identity.save()
    return identity


class NetworkIdentityDemo(DemoContribution):
    order = 10

    def add_to_networks(self, specs):
        for spec in specs:
            site = Site.objects.filter(hostname=spec["hostname"]).first()
            if site is not None:
                add_identity(site, spec)
        return []
