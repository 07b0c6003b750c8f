"""Issue rendering: blocks → Django template → MJML → HTML (mjml-python, no Node), plus the
plain-text part, subject and preheader.

An issue is rendered once per *variant* (edition × language × the subscriber's topics) with
placeholders for what differs per recipient; ``personalise`` fills those in with plain
string replacement, so 100,000 mails cost 100,000 replacements, not 100,000 renders.
"""

import html
from dataclasses import dataclass

from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from mjml import mjml2html

from .auto_fill import block_pages
from .blocks import PAGE_LIST_BLOCKS
from .cache_fallback import cache_optional

GREETING = "%%GREETING%%"
UNSUBSCRIBE_URL = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_URL = "%%PREFERENCES_URL%%"
PLACEHOLDERS = (GREETING, UNSUBSCRIBE_URL, PREFERENCES_URL)


class RenderError(Exception):
    """A block or template that cannot be rendered, in words an editor understands."""


@dataclass
class RenderedIssue:
    subject: str
    preheader: str
    html: str
    text: str


def leichte_sprache_version(page):
    """The live Leichte Sprache page linked to ``page`` (accessibility app), or None.

    The one place in the newsletter that knows how a page's Leichte Sprache variant is found.
    """
    from accessibility.variants import linked_pages

    variant, _standard = linked_pages(page)
    return variant.specific if variant is not None and variant.live else None


def _page_item(page, site_root_url, edition):
    specific = page.specific
    if edition == "leichte_sprache":
        specific = leichte_sprache_version(specific) or specific
    url = specific.get_full_url() or ""
    item = {
        "title": specific.title,
        "teaser": getattr(specific, "teaser", "") or "",
        "url": url,
        "image_url": "",
        "image_alt": "",
        "meta": "",
        "results": [],
    }
    image = getattr(specific, "image", None)
    if image is not None:
        rendition = image.get_rendition("fill-1200x600")
        item["image_url"] = rendition.url if rendition.url.startswith("http") else site_root_url + rendition.url
        item["image_alt"] = image.title
    start = getattr(specific, "start", None)
    if start is not None:
        from django.utils import formats, timezone

        when = formats.date_format(timezone.localtime(start), "DATETIME_FORMAT")
        place = getattr(specific, "location_name", "") or ""
        item["meta"] = f"{when}, {place}" if place else when
    results = getattr(specific, "results", None)
    if results is not None:
        item["results"] = [r.value["text"] for r in results if r.block_type == "result"]
    return item


def page_action_fields(pages):
    """{page id: set of action field ids} for the chosen pages, in one query per type."""
    tags = {}
    for page in pages:
        specific = page.specific
        if hasattr(specific, "action_fields"):
            tags[page.pk] = {af.pk for af in specific.action_fields.all()}
        else:
            tags[page.pk] = set()
    return tags


def issue_pages(issue):
    return [
        page
        for block in issue.body
        if block.block_type in PAGE_LIST_BLOCKS
        for page in block_pages(block.block_type, block.value, issue)
        if page
    ]


def issue_topic_ids(issue):
    """Action fields the issue's items are tagged with, and whether an untagged item exists
    (untagged items are for everyone)."""
    tags = page_action_fields(issue_pages(issue))
    return set().union(*tags.values()) if tags else set(), any(not t for t in tags.values()), bool(tags)


def _parts(issue, edition, topics):
    """The issue's blocks as template data for one variant; None if topics match nothing."""
    site_root_url = issue.site.root_url
    parts = []
    had_items = False
    kept_items = 0
    tags = page_action_fields(issue_pages(issue))
    for position, block in enumerate(issue.body, start=1):
        kind = block.block_type
        value = block.value
        try:
            if kind in PAGE_LIST_BLOCKS:
                items = []
                for page in block_pages(kind, value, issue):
                    if page is None:
                        raise RenderError(_("a chosen page no longer exists"))
                    if not page.live:
                        raise RenderError(_("the page “%(title)s” is not published") % {"title": page.title})
                    had_items = True
                    page_tags = tags.get(page.pk, set())
                    if topics and page_tags and not (page_tags & topics):
                        continue
                    items.append(_page_item(page, site_root_url, edition))
                kept_items += len(items)
                if items:
                    parts.append({"type": kind, "heading": value["heading"], "items": items})
            elif kind in ("intro", "text"):
                ls = value.get("leichte_sprache")
                if edition == "leichte_sprache" and ls:
                    body_html = "".join(f"<p>{html.escape(line)}</p>" for line in ls.splitlines() if line.strip())
                else:
                    body_html = value["text"].source if hasattr(value["text"], "source") else str(value["text"])
                from wagtail.rich_text import expand_db_html

                body_html = expand_db_html(body_html)
                parts.append(
                    {
                        "type": kind,
                        "heading": value.get("heading", ""),
                        "html": body_html,
                        "text": strip_tags(body_html.replace("</p>", "</p>\n\n")).strip(),
                    }
                )
            elif kind == "image":
                rendition = value["image"].get_rendition("width-1200")
                url = rendition.url if rendition.url.startswith("http") else site_root_url + rendition.url
                parts.append({"type": kind, "url": url, "alt": value["alt"], "caption": value.get("caption", "")})
            elif kind == "button":
                label = (edition == "leichte_sprache" and value.get("leichte_sprache")) or value["label"]
                parts.append({"type": kind, "label": label, "url": value["url"]})
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
    if had_items and not kept_items:
        return None
    return parts


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
