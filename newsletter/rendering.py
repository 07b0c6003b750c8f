"""Issue rendering: blocks → Django template → MJML → HTML (mjml-python, no Node), plus the
plain-text part, subject and preheader.

An issue is rendered once per *variant* (edition × language × the subscriber's topics) with
placeholders for what differs per recipient; ``personalise`` fills those in with plain
string replacement, so 100,000 mails cost 100,000 replacements, not 100,000 renders.
"""

from dataclasses import dataclass

from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from mjml import mjml2html

from .blocks import PageListBlock, RenderError, Variant
from .cache_fallback import cache_optional
from .items import page_action_fields

__all__ = ["RenderError", "RenderedIssue", "render_issue", "validate_issue"]

GREETING = "%%GREETING%%"
UNSUBSCRIBE_URL = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_URL = "%%PREFERENCES_URL%%"
PLACEHOLDERS = (GREETING, UNSUBSCRIBE_URL, PREFERENCES_URL)


@dataclass
class RenderedIssue:
    subject: str
    preheader: str
    html: str
    text: str


def issue_pages(issue):
    return [
        page
        for block in issue.body
        if isinstance(block.block, PageListBlock)
        for page in block.block.pages(block.value, issue)
        if page
    ]


def issue_topic_ids(issue):
    """Action fields the issue's items are tagged with, and whether an untagged item exists
    (untagged items are for everyone)."""
    tags = page_action_fields(issue_pages(issue))
    return set().union(*tags.values()) if tags else set(), any(not t for t in tags.values()), bool(tags)


def _parts(issue, edition, topics, blocks=None):
    """The issue's blocks (or the given ones) as template data for one variant, each from its
    block's ``newsletter_part``; None if the subscriber's topics match none of the items."""
    variant = Variant(issue=issue, edition=edition, topics=topics, tags=page_action_fields(issue_pages(issue)))
    parts = []
    for position, block in enumerate(issue.body if blocks is None else blocks, start=1):
        try:
            part = block.block.newsletter_part(block.value, variant)
        except RenderError as exc:
            raise RenderError(
                _("Block %(position)s (%(block)s): %(error)s")
                % {"position": position, "block": block.block.label, "error": exc}
            ) from exc
        except Exception as exc:  # a broken block must reach the editor as words, not a 500
            raise RenderError(
                _("Block %(position)s (%(block)s) cannot be shown: %(error)s")
                % {"position": position, "block": block.block.label, "error": exc}
            ) from exc
        if part is not None:
            parts.append(part)
    if variant.had_items and not variant.kept_items:
        return None
    return parts


def parts_without_pages(issue):
    """The issue without its page lists, for the archive when a page was unpublished since."""
    blocks = [block for block in issue.body if not isinstance(block.block, PageListBlock)]
    return _parts(issue, "standard", set(), blocks=blocks) or []


def render_issue(issue, edition="standard", language="de", topics=None):
    """Render one variant. Returns None when the subscriber's topics match none of the items."""
    topics = set(topics or ())
    with cache_optional(), translation.override(language):
        parts = _parts(issue, edition, topics)
        if parts is None:
            return None
        context = {
            "issue": issue,
            "site_name": issue.site.site_name,
            "parts": parts,
            "subject": issue.subject,
            "preheader": issue.preheader,
            "greeting": GREETING,
            "unsubscribe_url": UNSUBSCRIBE_URL,
            "preferences_url": PREFERENCES_URL,
            "web_url": issue.site.root_url + reverse("newsletter:archive_detail", args=[issue.pk]) if issue.pk else "",
            "leichte_sprache": edition == "leichte_sprache",
        }
        try:
            mjml_source = render_to_string("newsletter/email/issue.mjml", context)
            text = render_to_string("newsletter/email/issue.txt", context)
        except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
            raise RenderError(_("The newsletter template is broken: %(error)s") % {"error": exc}) from exc
        try:
            html_out = mjml2html(mjml_source)
        except Exception as exc:
            raise RenderError(_("The mail layout (MJML) is broken: %(error)s") % {"error": exc}) from exc
    return RenderedIssue(subject=issue.subject, preheader=issue.preheader, html=html_out, text=text)


def validate_issue(issue):
    """Render every edition once; raises RenderError with a readable message."""
    for edition in ("standard", "leichte_sprache"):
        render_issue(issue, edition=edition)


def personalise_preview(content):
    return (
        content.replace(GREETING, _("Hello Anna Beispiel,"))
        .replace(UNSUBSCRIBE_URL, "#abmelden")
        .replace(PREFERENCES_URL, "#einstellungen")
    )


def warm_up():
    """Load the mail templates and run the MJML renderer once (a new worker process would
    otherwise do it for the first mail of a send). Never fails: it only saves time."""
    from django.template.loader import get_template

    try:
        for name in ("newsletter/email/issue.mjml", "newsletter/email/issue.txt"):
            get_template(name)
        mjml2html(
            "<mjml><mj-body><mj-section><mj-column><mj-text>.</mj-text></mj-column></mj-section></mj-body></mjml>"
        )
    except Exception:  # a broken template is reported when an issue is rendered
        return False
    return True
