"""Blocks of a newsletter issue. Every part with words has an optional Leichte Sprache text
that subscribers of the Leichte Sprache edition get instead.

Every block says what it puts into a mail (``newsletter_part``): the data the MJML and text
templates show for one variant (edition × language × topics). A new block type without that
method fails ``newsletter/tests/test_blocks.py`` instead of silently missing from the mail."""

import html
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .auto_fill import block_pages
from .items import absolute, page_item


class RenderError(Exception):
    """A block or template that cannot be rendered, in words an editor understands."""


@dataclass
class Variant:
    """What one rendering of an issue is for, and what its page lists found so far."""

    issue: object
    edition: str = "standard"
    topics: set = field(default_factory=set)
    tags: dict = field(default_factory=dict)  # page id → action field ids (items.page_action_fields)
    had_items: bool = False
    kept_items: int = 0

    @property
    def leichte_sprache(self):
        return self.edition == "leichte_sprache"

    @property
    def site_root_url(self):
        return self.issue.site.root_url


LS_HELP = _("Optional: the same in Leichte Sprache, for subscribers of that edition.")


def automatic_fields(period_label, period_default):
    """The fields that let a page-list block fill itself from the network: how many pages,
    optionally only one action field, and the period. Chosen pages come first; the block adds
    up to ``fill`` more that are not chosen yet (newsletter.auto_fill)."""
    return (
        blocks.IntegerBlock(
            label=_("Add automatically"),
            required=False,
            default=0,
            min_value=0,
            max_value=20,
            help_text=_("How many more pages the block takes from the network when it is sent (0: none)."),
        ),
        blocks.PageChooserBlock(page_type="home.ActionFieldPage", label=_("Only this action field"), required=False),
        blocks.IntegerBlock(label=period_label, required=False, default=period_default, min_value=1, max_value=366),
    )


class WordsBlock(blocks.StructBlock):
    """Rich text with an optional Leichte Sprache version (introduction, text)."""

    def newsletter_part(self, value, variant):
        easy = value.get("leichte_sprache")
        if variant.leichte_sprache and easy:
            body_html = "".join(f"<p>{html.escape(line)}</p>" for line in easy.splitlines() if line.strip())
        else:
            text = value["text"]
            body_html = expand_db_html(text.source if hasattr(text, "source") else str(text))
        return {
            "type": self.name,
            "heading": value.get("heading", ""),
            "html": body_html,
            "text": strip_tags(body_html.replace("</p>", "</p>\n\n")).strip(),
        }


class IntroBlock(WordsBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])
    leichte_sprache = blocks.TextBlock(label=_("Leichte Sprache"), required=False, help_text=LS_HELP)

    class Meta:
        icon = "openquote"
        label = _("Introduction")


class TextBlock(WordsBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    leichte_sprache = blocks.TextBlock(label=_("Leichte Sprache"), required=False, help_text=LS_HELP)

    class Meta:
        icon = "pilcrow"
        label = _("Text")


class PageListBlock(blocks.StructBlock):
    """Teasers of pages: chosen ones first, then those the block finds itself (auto_fill).
    Items outside a subscriber's topics are left out; untagged pages are for everyone."""

    def pages(self, value, issue):
        return block_pages(self.name, value, issue)

    def newsletter_part(self, value, variant):
        items = []
        for page in self.pages(value, variant.issue):
            if page is None:
                raise RenderError(gettext("a chosen page no longer exists"))
            if not page.live:
                raise RenderError(gettext("the page “%(title)s” is not published") % {"title": page.title})
            variant.had_items = True
            page_tags = variant.tags.get(page.pk, set())
            if variant.topics and page_tags and not (page_tags & variant.topics):
                continue
            items.append(page_item(page, variant.site_root_url, variant.edition))
        variant.kept_items += len(items)
        return {"type": self.name, "heading": value["heading"], "items": items} if items else None


class ArticlesBlock(PageListBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Aktuelles")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.NewsPage"), label=_("News"), default=[])
    fill, action_field, period_days = automatic_fields(_("News of the last … days"), 30)

    class Meta:
        icon = "doc-full"
        label = _("Article teasers")


class EventsBlock(PageListBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Termine")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.EventPage"), label=_("Events"), default=[])
    fill, action_field, period_days = automatic_fields(_("Events of the next … days"), 30)

    class Meta:
        icon = "date"
        label = _("Upcoming events")


class MeetingResultsBlock(PageListBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Ergebnisse aus den Sitzungen")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.MeetingPage"), label=_("Meetings"), default=[])
    fill, action_field, period_days = automatic_fields(_("Meetings of the last … days"), 60)

    class Meta:
        icon = "group"
        label = _("Meeting results")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Alternative text"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")

    def newsletter_part(self, value, variant):
        url = absolute(value["image"].get_rendition("width-1200").url, variant.site_root_url)
        return {"type": self.name, "url": url, "alt": value["alt"], "caption": value.get("caption", "")}


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    url = blocks.URLBlock(label=_("Address"))
    leichte_sprache = blocks.CharBlock(label=_("Label in Leichte Sprache"), required=False, max_length=80)

    class Meta:
        icon = "link"
        label = _("Button")

    def newsletter_part(self, value, variant):
        label = (variant.leichte_sprache and value.get("leichte_sprache")) or value["label"]
        return {"type": self.name, "label": label, "url": value["url"]}


class IssueBlock(blocks.StreamBlock):
    intro = IntroBlock()
    articles = ArticlesBlock()
    events = EventsBlock()
    meeting_results = MeetingResultsBlock()
    text = TextBlock()
    image = ImageBlock()
    button = ButtonBlock()

    class Meta:
        block_counts = {"intro": {"max_num": 1}}
