import datetime as dt
import io

import pytest

from demo import loader
from stories.models import Edition, StoryPage

pytestmark = pytest.mark.django_db


def test_demo_loads_six_stories_in_two_editions_with_images_and_is_idempotent(client):
    today = dt.date(2026, 11, 23)
    out = io.StringIO()
    loader.load(today=today, stdout=out)
    counts = (StoryPage.objects.count(), Edition.objects.count())
    loader.load(today=today, stdout=out)
    assert (StoryPage.objects.count(), Edition.objects.count()) == counts

    live = StoryPage.objects.live().select_related("hero_image", "edition")
    assert live.count() >= 6
    assert {story.edition.number for story in live} == {41, 42}
    for story in live:
        assert story.hero_image is not None and len(story.hero_alt) > 20
        assert story.themes.exists()
    for edition in Edition.objects.all():
        assert edition.pdf.file.read(5) == b"%PDF-"
        assert edition.cover is not None and edition.cover_alt
    # one story waits for the redactie, from the demo resident
    waiting = StoryPage.objects.get(live=False)
    assert waiting.submitted_by.email == "bewoner@example.org"
    assert waiting.workflow_in_progress

    html = client.get("/verhalen/").content.decode()
    assert "Samen gestopt in oktober" in html and "speelotheek" in html.lower()
    assert waiting.title not in html
