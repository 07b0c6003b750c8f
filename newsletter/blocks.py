"""Blocks of a newsletter issue. Every part with words has an optional Leichte Sprache text
that subscribers of the Leichte Sprache edition get instead."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

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


class IntroBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])
    leichte_sprache = blocks.TextBlock(label=_("Leichte Sprache"), required=False, help_text=LS_HELP)

    class Meta:
        icon = "openquote"
        label = _("Introduction")


class TextBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    leichte_sprache = blocks.TextBlock(label=_("Leichte Sprache"), required=False, help_text=LS_HELP)

    class Meta:
        icon = "pilcrow"
        label = _("Text")


class ArticlesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Aktuelles")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.NewsPage"), label=_("News"))
    fill, action_field, period_days = automatic_fields(_("News of the last … days"), 30)

    class Meta:
        icon = "doc-full"
        label = _("Article teasers")


class EventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Termine")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.EventPage"), label=_("Events"))
    fill, action_field, period_days = automatic_fields(_("Events of the next … days"), 30)

    class Meta:
        icon = "date"
        label = _("Upcoming events")


class MeetingResultsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="Ergebnisse aus den Sitzungen")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="home.MeetingPage"), label=_("Meetings"))
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


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    url = blocks.URLBlock(label=_("Address"))
    leichte_sprache = blocks.CharBlock(label=_("Label in Leichte Sprache"), required=False, max_length=80)

    class Meta:
        icon = "link"
        label = _("Button")


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


PAGE_LIST_BLOCKS = ("articles", "events", "meeting_results")
