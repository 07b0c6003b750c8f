"""The one StreamField block set every page body uses, so editors learn it once.

Every block says what it gives to readers who listen to or print a page (``reading_parts``):
a new block type without that method fails ``home/tests/test_blocks.py`` instead of silently
dropping out of the audio, the PDF and the Leichte Sprache check."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .reading import Part, clean, rich_text_parts

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"

    def reading_parts(self, value):
        level = {"h2": 2, "h3": 3, "h4": 4}.get(value.get("level"), 2)
        return [Part("heading", clean(value.get("text")), level)]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"

    def reading_parts(self, value):
        parts = [Part("quote", clean(value.get("text")))]
        if value.get("attribution"):
            parts.append(Part("paragraph", clean(value.get("attribution"))))
        return parts


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        template = "home/blocks/button.html"

    def reading_parts(self, value):
        return [Part("paragraph", clean(value.get("label")))]

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Choose either a page or an external address.")}
            )
        return value


class DocumentsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "home/blocks/documents.html"

    def reading_parts(self, value):
        # The files themselves are not read out; their heading tells listeners they are there.
        return [Part("heading", clean(value.get("title")), 3)] if value.get("title") else []


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "home/blocks/info_box.html"

    def reading_parts(self, value):
        parts = [Part("heading", clean(value.get("title")), 3)] if value.get("title") else []
        return parts + rich_text_parts(value.get("text"))


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text: read as its headings, paragraphs and list items."""

    def reading_parts(self, value):
        return rich_text_parts(value)


class PictureBlock(ImageBlock):
    """An image with alt text. Not read out: the alt text serves screen readers on the page,
    and the audio and PDF versions follow the text."""

    def reading_parts(self, value):
        return []


class BodyBlock(blocks.StreamBlock):
    """Headings, text, images, quotes, documents, buttons and info boxes."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph.html")
    image = PictureBlock(label=_("Image"), template="home/blocks/image.html")
    quote = QuoteBlock(label=_("Quote"))
    documents = DocumentsBlock(label=_("Documents"))
    button = ButtonBlock(label=_("Button"))
    info_box = InfoBoxBlock(label=_("Info box"))


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Item"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ol"

    def reading_parts(self, value):
        return [Part("item", clean(" – ".join(x for x in (value.get("title"), value.get("description")) if x)))]


class ResultBlock(blocks.StructBlock):
    """A result or demand (Forderung) agreed at a meeting."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("result", _("Result")), ("demand", _("Demand"))], default="result"
    )
    text = blocks.TextBlock(label=_("Text"))
    addressee = blocks.CharBlock(label=_("Addressed to"), required=False, help_text=_("Who a demand is addressed to."))

    class Meta:
        icon = "tick"

    def reading_parts(self, value):
        return [Part("item", clean(value.get("text")))]
