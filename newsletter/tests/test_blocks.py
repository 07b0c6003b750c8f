"""Every block of an issue says what it puts into the mail, so a new block type cannot be
silently missing from what subscribers receive."""

from wagtail.blocks import StreamBlock, StructBlock

from newsletter.blocks import IssueBlock


def blocks_without_newsletter_part(stream_block):
    return [
        f"{name} ({type(block).__name__})"
        for name, block in stream_block.child_blocks.items()
        if not callable(getattr(block, "newsletter_part", None))
    ]


def test_every_issue_block_says_what_it_puts_into_the_mail():
    assert set(IssueBlock().child_blocks) == {
        "intro",
        "articles",
        "events",
        "meeting_results",
        "text",
        "image",
        "button",
    }
    assert blocks_without_newsletter_part(IssueBlock()) == []


def test_the_guard_names_a_new_block_that_forgot_its_part():
    class Poll(StructBlock):
        pass

    class IssueWithPoll(IssueBlock):
        poll = Poll()

    assert blocks_without_newsletter_part(IssueWithPoll()) == ["poll (Poll)"]
    assert isinstance(IssueWithPoll(), StreamBlock)
