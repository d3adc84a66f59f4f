"""The blocks of a story's body: text, a photo with its alt text, a quote and a link to a video."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Residents' stories need little markup: no headings in the text, no embeds.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("foto"))
    alt_text = blocks.CharBlock(
        label=_("beschrijving voor wie niet kan zien (alt-tekst)"),
        max_length=250,
        help_text=_("Beschrijf in één zin wat er op de foto staat."),
    )
    caption = blocks.CharBlock(label=_("onderschrift"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Foto")
        template = "stories/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"), max_length=500)
    attribution = blocks.CharBlock(label=_("wie zei dit"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "stories/blocks/quote.html"


class VideoLinkBlock(blocks.StructBlock):
    """A plain link to a video elsewhere: nothing is embedded, so no third party loads on our pages."""

    url = blocks.URLBlock(label=_("link naar de video"))
    title = blocks.CharBlock(label=_("titel van de video"), max_length=150)

    class Meta:
        icon = "media"
        label = _("Video (link)")
        template = "stories/blocks/video_link.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Tekst"), icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoLinkBlock()
