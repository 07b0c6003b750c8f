"""Template tags for the public site: ``{% page_variants page as page_variants %}`` and a
duration filter for the audio player."""

from django import template
from django.utils.translation import gettext as _

from translations.pages import view_translations

from ..rule_names import rule_explanation, rule_name
from ..variants import page_variants as _page_variants

register = template.Library()


@register.simple_tag(takes_context=True)
def page_variants(context, page):
    """The page's Leichte Sprache/standard counterpart and current variants:
    ``leichte_sprache_url``, ``standard_url``, ``audio`` ({url, duration_seconds, mime}),
    ``pdf_url``, ``sign_language``, ``translations``. None means "not available".

    Without a page (search, newsletter, archive) the view has no variants but its translations:
    the same view in the other languages."""
    if page is None or not getattr(page, "pk", None):
        return {
            "leichte_sprache_url": None,
            "standard_url": None,
            "audio": None,
            "pdf_url": None,
            "sign_language": None,
            "translations": view_translations(context.get("request")),
        }
    return _page_variants(page, context.get("request"))


@register.filter
def variant_duration(seconds):
    """7 min 54 s, for the player and download links."""
    if seconds in (None, ""):
        return ""
    total = int(round(float(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": secs}
    return _("%(seconds)d s") % {"seconds": secs}


@register.filter
def iso_duration(seconds):
    """PT7M54S, for the machine-readable <time datetime>."""
    total = int(round(float(seconds or 0)))
    minutes, secs = divmod(total, 60)
    return f"PT{minutes}M{secs}S"


@register.simple_tag
def highlight_findings(text, findings):
    """The checked text with each finding's span in a <mark> (rule and message as title).
    Overlapping spans: the earlier one wins, the list below the text has them all."""
    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    out, pos = [], 0
    for f in sorted(findings or [], key=lambda f: (f["start"], -f["end"])):
        if f["start"] < pos or f["end"] > len(text):
            continue
        out.append(escape(text[pos : f["start"]]))
        out.append(
            format_html(
                '<mark data-rule="{}" title="{}: {}">{}</mark>',
                f["rule"],
                rule_name(f["rule"]),
                f["message"],
                text[f["start"] : f["end"]],
            )
        )
        pos = f["end"]
    out.append(escape(text[pos:]))
    return mark_safe("".join(str(part) for part in out))


register.filter("rule_name", rule_name)
register.filter("rule_explanation", rule_explanation)
