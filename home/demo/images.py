"""Banners, logos and contact portraits drawn locally with Pillow: nothing is downloaded."""

import io
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = {
    True: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"],
    False: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"],
}


@lru_cache(maxsize=32)
def font(size, bold=True):
    for candidate in FONT_CANDIDATES[bold]:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _lighter(color, amount=0.35):
    return tuple(int(c + (255 - c) * amount) for c in color)


def _text_block(draw, lines, fnt, x, y, fill, spacing=1.25):
    size = fnt.size if hasattr(fnt, "size") else 20
    for line in lines:
        draw.text((x, y), line, font=fnt, fill=fill)
        y += int(size * spacing)
    return y


def banner(title, subtitle="", color=(0, 90, 120), size=(1200, 630)):
    """A coloured banner with the title in large white letters; returns PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    accent = _lighter(color)
    # A few soft circles give every banner some shape without any external artwork.
    draw.ellipse((width - 420, -180, width + 180, 420), fill=accent)
    draw.ellipse((width - 260, height - 220, width + 60, height + 100), fill=_lighter(color, 0.55))
    draw.rectangle((0, height - 24, width, height), fill=_lighter(color, 0.2))
    title_font = font(64 if len(title) < 40 else 50)
    lines = textwrap.wrap(title, width=18 if len(title) < 40 else 24)[:4]
    y = _text_block(draw, lines, title_font, 70, 120, "white")
    if subtitle:
        _text_block(draw, textwrap.wrap(subtitle, width=48)[:2], font(30, bold=False), 72, y + 30, "white")
    return _png(image)


def logo(name, programme="", color=(0, 90, 120), size=(600, 300)):
    """A funder logo: a coloured mark with initials beside the funder's name; PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())[:3]
    draw.rounded_rectangle((30, 60, 210, 240), radius=28, fill=color)
    mark_font = font(72)
    box = draw.textbbox((0, 0), initials or "?", font=mark_font)
    draw.text(
        (120 - (box[2] - box[0]) / 2 - box[0], 150 - (box[3] - box[1]) / 2 - box[1]),
        initials or "?",
        font=mark_font,
        fill="white",
    )
    y = _text_block(draw, textwrap.wrap(name, width=20)[:3], font(30), 240, 80, color)
    if programme:
        _text_block(draw, textwrap.wrap(programme, width=28)[:3], font(20, bold=False), 240, y + 10, (60, 60, 60))
    return _png(image)


def portrait(name, color=(0, 90, 120), size=(300, 300)):
    """A neutral placeholder portrait: initials on a coloured disc; PNG bytes."""
    image = Image.new("RGB", size, _lighter(color, 0.8))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, size[0] - 20, size[1] - 20), fill=color)
    initials = "".join(part[0] for part in name.split() if part[:1].isupper())[:2]
    fnt = font(110)
    box = draw.textbbox((0, 0), initials, font=fnt)
    draw.text(
        (size[0] / 2 - (box[2] - box[0]) / 2 - box[0], size[1] / 2 - (box[3] - box[1]) / 2 - box[1]),
        initials,
        font=fnt,
        fill="white",
    )
    return _png(image)
