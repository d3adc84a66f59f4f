"""Draw the PNG app icons (home screen, Apple touch icon, maskable) from the shapes of wijk/img/icon.svg.

The PNGs are committed in home/static/wijk/img/; run this again after changing the logo.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

GREEN = "#0b5d3b"
YELLOW = "#ffbf47"
WHITE = "#ffffff"
OUT = Path(__file__).resolve().parents[2] / "static" / "wijk" / "img"
# (file name, size, maskable): a maskable icon keeps the logo inside the central 80 % safe zone.
ICONS = [
    ("icon-192.png", 192, False),
    ("icon-512.png", 512, False),
    ("icon-maskable-512.png", 512, True),
    ("apple-touch-icon.png", 180, True),
]


def draw_icon(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without an SVG renderer
    big = size * scale
    image = Image.new("RGBA", (big, big), GREEN if maskable else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # The logo lives on a 64-unit grid (icon.svg); a maskable icon draws it smaller, centred.
    unit = big / 64 * (0.78 if maskable else 1)
    offset = (big - 64 * unit) / 2

    def point(x, y):
        return (offset + x * unit, offset + y * unit)

    draw.ellipse([point(1, 1), point(63, 63)], fill=WHITE)
    draw.polygon([point(12, 34), point(32, 16), point(52, 34), point(52, 52), point(12, 52)], fill=GREEN)
    draw.rectangle([point(26, 38), point(38, 52)], fill=YELLOW)
    for cx in (22, 42):
        draw.ellipse([point(cx - 3, 27), point(cx + 3, 33)], fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


class Command(BaseCommand):
    help = "Draw the PNG app icons into home/static/wijk/img/."

    def handle(self, *args, **options):
        for name, size, maskable in ICONS:
            icon = draw_icon(size, maskable=maskable)
            if name == "apple-touch-icon.png":
                icon = icon.convert("RGB")  # iOS shows transparency as black
            icon.save(OUT / name, optimize=True)
            self.stdout.write(f"{name}: {size} × {size}")
