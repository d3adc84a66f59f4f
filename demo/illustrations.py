"""Illustrations drawn with Pillow for the demo stories and Rucreant covers: no downloads, alt text that fits."""

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):
        return ImageFont.load_default()


def _path(draw):
    draw.rectangle((0, 0, 1200, 330), fill="#cfe8f7")
    draw.rectangle((0, 330, 1200, 675), fill="#7dbb6a")
    draw.polygon([(520, 675), (760, 675), (640, 340), (600, 340)], fill="#d8b27a")
    for x in (120, 300, 880, 1060):
        draw.rectangle((x - 12, 330, x + 12, 430), fill="#6b4a2b")
        draw.ellipse((x - 80, 200, x + 80, 350), fill="#2f7d3a")
    draw.ellipse((1000, 40, 1110, 150), fill="#ffd54a")


def _cups(draw):
    draw.rectangle((0, 0, 1200, 675), fill="#f6ead8")
    draw.rectangle((0, 430, 1200, 675), fill="#a4683a")
    for i, colour in enumerate(("#c0392b", "#2e86c1", "#27ae60", "#f39c12")):
        x = 170 + i * 260
        draw.rectangle((x, 300, x + 150, 440), fill=colour)
        draw.arc((x + 130, 330, x + 200, 400), start=270, end=90, fill=colour, width=14)


def _blocks(draw):
    draw.rectangle((0, 0, 1200, 675), fill="#fff7e0")
    colours = ("#e74c3c", "#3498db", "#2ecc71", "#f1c40f", "#9b59b6", "#e67e22")
    for i, colour in enumerate(colours):
        x, y = 150 + (i % 3) * 320, 160 + (i // 3) * 230
        draw.rectangle((x, y, x + 200, y + 200), fill=colour, outline="#333333", width=6)


def _houses(draw):
    draw.rectangle((0, 0, 1200, 675), fill="#1d2b4f")
    draw.ellipse((980, 60, 1080, 160), fill="#f5f3ce")
    for i in range(5):
        x = 40 + i * 230
        draw.rectangle((x, 330, x + 200, 600), fill="#8c6d5a")
        draw.polygon([(x - 10, 330), (x + 100, 230), (x + 210, 330)], fill="#5b3a2e")
        draw.rectangle((x + 40, 390, x + 90, 440), fill="#ffd86b")
    draw.rectangle((0, 600, 1200, 675), fill="#3b3b3b")


def _speech(draw):
    draw.rectangle((0, 0, 1200, 675), fill="#e8f4f0")
    draw.rounded_rectangle((120, 120, 620, 380), radius=60, fill="#0b5d3b")
    draw.polygon([(220, 370), (260, 480), (320, 370)], fill="#0b5d3b")
    draw.rounded_rectangle((580, 280, 1080, 540), radius=60, fill="#f39c12")
    draw.polygon([(900, 530), (960, 630), (980, 530)], fill="#f39c12")


def _calendar(draw):
    draw.rectangle((0, 0, 1200, 675), fill="#fdebd0")
    draw.rectangle((300, 80, 900, 600), fill="#ffffff", outline="#c0392b", width=8)
    draw.rectangle((300, 80, 900, 170), fill="#c0392b")
    for day in range(28):
        x, y = 330 + (day % 7) * 80, 200 + (day // 7) * 95
        draw.rectangle((x, y, x + 60, y + 70), outline="#999999", width=3)
        draw.line((x + 10, y + 40, x + 25, y + 58, x + 52, y + 12), fill="#27ae60", width=8)


MOTIFS = {
    "path": _path,
    "cups": _cups,
    "blocks": _blocks,
    "houses": _houses,
    "speech": _speech,
    "calendar": _calendar,
}


def illustration(motif: str) -> bytes:
    image = Image.new("RGB", SIZE)
    MOTIFS[motif](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def cover(number: int, colour: str) -> Image.Image:
    image = Image.new("RGB", (600, 840), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 560, 800), outline="#ffffff", width=8)
    draw.text((80, 90), "Rucreant", fill="#ffffff", font=_font(80))
    draw.text((80, 200), f"nr. {number}", fill="#ffffff", font=_font(60))
    draw.text((80, 700), "Wijkblad Ruwaard, Oss", fill="#ffffff", font=_font(36))
    return image


def cover_png(number: int, colour: str) -> bytes:
    buffer = io.BytesIO()
    cover(number, colour).save(buffer, "PNG")
    return buffer.getvalue()


def cover_pdf(number: int, colour: str) -> bytes:
    buffer = io.BytesIO()
    cover(number, colour).save(buffer, "PDF", resolution=72)
    return buffer.getvalue()
