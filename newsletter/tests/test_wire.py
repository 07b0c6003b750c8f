"""The mail as it goes on the wire: dot-stuffed once per variant and per junction, the same
bytes as stuffing the whole mail (RFC 5321 4.5.2), whatever the lines begin with."""

import email
from email import policy
from types import SimpleNamespace

import pytest

from newsletter.message import Letterhead, Variant, dot_stuff
from newsletter.rendering import GREETING, PREFERENCES_URL, UNSUBSCRIBE_URL

TEXT = f".first line\n{GREETING}\n.{UNSUBSCRIBE_URL}\n{PREFERENCES_URL}.\n..two dots\n\n.\nend"
HTML = f".<p>{GREETING}</p>\r\n.<a href='{UNSUBSCRIBE_URL}'>x</a>{PREFERENCES_URL}\n{GREETING}\n." + " word" * 300


def unstuff(wire):
    assert wire.endswith(b"\r\n.\r\n")
    lines = wire[:-3].split(b"\r\n")
    return b"\r\n".join(line[1:] if line.startswith(b".") else line for line in lines)


@pytest.mark.parametrize("eight_bit", [True, False])
@pytest.mark.parametrize("name", ["Anna", ".Anna", "", "Anna\r\n.Berta", "\n."])
def test_wire_is_the_stuffed_mail(db, eight_bit, name):
    rendered = SimpleNamespace(subject="Betreff", preheader="", html=HTML, text=TEXT)
    variant = Variant(rendered, "de")
    letterhead = Letterhead.build("Runder Tisch <newsletter@example.org>", "https://example.org", eight_bit)
    values = dict(recipient="anna@example.org", name=name, token="1:abc", message_id="<newsletter.1.2@example.org>")
    plain = variant.message(letterhead, **values)
    wire = variant.wire(letterhead, **values)
    assert wire == dot_stuff(plain)
    assert unstuff(wire) == plain
    assert b"\r\n.\r\n" not in wire[:-5]  # nothing ends the mail early
    parsed = email.message_from_bytes(plain, policy=policy.default)
    assert "Hallo" in parsed.get_body(("plain",)).get_content()
