"""Uploaded SVG images are checked before they are stored.

An SVG is a document, not a picture: it can carry scripts, event handlers and references to
other hosts. Shown in an ``<img>`` it is harmless, but opened on its own from ``/media/`` it
runs with the site's origin — an editor of one network could plant a script that acts in
another network's editor's admin session. Networks need SVG for their logos, so instead of
refusing the format we accept drawings only and refuse, with a message that names what was
found, any SVG with scripts, event handlers, embedded documents, links away from the file,
external style sheets or XML entities."""

import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm

# Elements that run code or pull in other documents.
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video"}
# Animations that could set a link or an event handler after the check.
ANIMATIONS = {"set", "animate", "animatetransform", "animatemotion"}
SAFE_REFERENCE = re.compile(r"^(#[\w.:-]*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)$", re.IGNORECASE)
UNSAFE_STYLE = re.compile(r"@import|expression\s*\(|javascript:|url\s*\(\s*['\"]?(?!#)", re.IGNORECASE)
MAX_SVG_BYTES = 2 * 1024 * 1024


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def svg_problem(data):
    """None for a plain drawing; otherwise what makes the SVG unsafe, in words for editors."""
    if len(data) > MAX_SVG_BYTES:
        return _("The SVG file is larger than 2 MB.")
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return _("The SVG file declares a document type or XML entities.")
    except Exception:
        return _("The file is not a readable SVG drawing.")
    if _local(root.tag) != "svg":
        return _("The file is not a readable SVG drawing.")
    for element in root.iter():
        tag = _local(element.tag)
        if tag in FORBIDDEN_ELEMENTS:
            return _(
                "The SVG file contains a “%(element)s” element (scripts and embedded documents are not allowed)."
            ) % {"element": tag}
        if tag == "style" and UNSAFE_STYLE.search(element.text or ""):
            return _("The SVG file's style loads something from elsewhere or runs code.")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.startswith("on"):
                return _("The SVG file contains an event handler (“%(attribute)s”).") % {"attribute": attribute}
            if attribute in ("href", "src") and not SAFE_REFERENCE.match(value.strip()):
                return _("The SVG file links to something outside the drawing (%(target)s).") % {"target": value[:60]}
            if attribute == "style" and UNSAFE_STYLE.search(value):
                return _("The SVG file's style loads something from elsewhere or runs code.")
            if tag in ANIMATIONS and attribute == "attributename" and _local(value).lower() in ("href", "src"):
                return _("The SVG file animates a link.")
            if tag in ANIMATIONS and attribute == "attributename" and value.lower().startswith("on"):
                return _("The SVG file contains an event handler (“%(attribute)s”).") % {"attribute": value}
    return None


class NetworkImageForm(BaseImageForm):
    """Wagtail's image form (single and multiple upload) with the SVG check."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and getattr(file, "name", "").lower().endswith(".svg") and file is not self.original_file:
            file.seek(0)
            problem = svg_problem(file.read())
            file.seek(0)
            if problem:
                raise ValidationError(
                    _("This SVG image is not accepted: %(problem)s Save it as a plain drawing or as PNG.")
                    % {"problem": problem}
                )
        return file
