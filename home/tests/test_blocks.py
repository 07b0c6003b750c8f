"""Every block a page can hold says what listeners and PDF readers get from it, so a new block
type cannot silently drop out of the audio, the PDF and the Leichte Sprache check."""

import pytest
from django.apps import apps
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Page

from accessibility.text import Part, reading_order
from home.blocks import BodyBlock


def page_stream_blocks():
    """(model, field, block name, block) for every direct child of every page StreamField."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    found.append((model, field.name, name, block))
    return found


def blocks_without_reading_parts(stream_blocks):
    return [
        f"{model.__name__}.{field}: {name} ({type(block).__name__})"
        for model, field, name, block in stream_blocks
        if not callable(getattr(block, "reading_parts", None))
    ]


def test_every_block_on_every_page_type_says_what_it_reads_out():
    stream_blocks = page_stream_blocks()
    assert {"heading", "paragraph", "image", "quote", "documents", "button", "info_box", "item", "result"} <= {
        name for _model, _field, name, _block in stream_blocks
    }
    assert blocks_without_reading_parts(stream_blocks) == []


def test_the_guard_names_a_new_block_that_forgot_its_reading_parts():
    class Gallery(StructBlock):
        pass

    class BodyWithGallery(StreamBlock):
        gallery = Gallery()
        gallery_list = ListBlock(Gallery())

    fake = [(Page, "body", name, block) for name, block in BodyWithGallery().child_blocks.items()]
    assert blocks_without_reading_parts(fake) == ["Page.body: gallery (Gallery)", "Page.body: gallery_list (ListBlock)"]


@pytest.mark.django_db
def test_each_body_block_reads_as_its_kind_of_text(make_network):
    net = make_network("alpha")
    page = net.news
    page.body = BodyBlock().to_python(
        [
            {"type": "heading", "value": {"text": "Wer wir sind", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Erster Satz.</p><ul><li>Punkt eins</li></ul>"},
            {"type": "quote", "value": {"text": "Hier bin ich zu Hause.", "attribution": "Amina"}},
            {"type": "button", "value": {"label": "Jetzt anmelden", "url": "https://example.org/"}},
            {"type": "info_box", "value": {"title": "Wichtig", "text": "<p>Der Eintritt ist frei.</p>"}},
            {"type": "documents", "value": {"title": "Protokolle", "documents": []}},
        ]
    )
    parts = reading_order(page)
    assert parts[0] == Part("title", page.title, 1)
    body = [p for p in parts if p.text not in {getattr(page, "teaser", ""), page.title}]
    assert body == [
        Part("heading", "Wer wir sind", 3),
        Part("paragraph", "Erster Satz."),
        Part("item", "Punkt eins"),
        Part("quote", "Hier bin ich zu Hause."),
        Part("paragraph", "Amina"),
        Part("paragraph", "Jetzt anmelden"),
        Part("heading", "Wichtig", 3),
        Part("paragraph", "Der Eintritt ist frei."),
        Part("heading", "Protokolle", 3),
    ]
