"""The privacy export: overzicht.html reads as Dutch for a person; gegevens.json keeps every field."""

import datetime as dt
import io
import json
import re
import zipfile
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.db import models

from accounts import readable
from accounts.models import User
from accounts.services import export_user_archive
from activities.attendance import attend
from marketplace.models import Listing
from stories.services import submit_story
from tests.activities.factories import ActivityFactory
from tests.marketplace.factories import ListingFactory
from tests.stories.factories import story_index

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _export(user) -> tuple[str, dict]:
    archive = zipfile.ZipFile(io.BytesIO(export_user_archive(user=user)))
    return archive.read("overzicht.html").decode(), json.loads(archive.read("gegevens.json"))


@time_machine.travel(dt.datetime(2026, 12, 4, 19, 26, tzinfo=AMSTERDAM), tick=False)
def test_sign_up_reads_as_the_activity_its_dutch_date_and_what_it_means_for_you(resident):
    activity = ActivityFactory(
        title="Samen eten", starts_at=dt.datetime(2026, 12, 16, 18, 0, tzinfo=AMSTERDAM)
    )
    attend(occurrence=activity.occurrences.get(), user=resident)

    summary, data = _export(resident)

    assert "Aanmeldingen voor activiteiten (1)" in summary
    assert "Samen eten, woensdag 16 december 2026, 18:00" in summary
    assert "U komt" in summary
    assert "vrijdag 4 december 2026, 19:26" in summary  # signed up, in Dutch local time
    assert "Occurrence" not in summary and "going" not in summary
    assert not ISO_MOMENT.search(summary)
    [row] = data["activities.attendance.user"]
    assert row["fields"]["status"] == "going"
    assert row["fields"]["occurrence"] == activity.occurrences.get().pk
    assert ISO_MOMENT.match(row["fields"]["created_at"])


def test_submitted_story_is_one_entry_with_its_state_in_dutch_without_wagtail_internals(resident):
    submit_story(
        author=resident,
        index=story_index(),
        title="Samen koken met de buren",
        text="Vorige week kookten we met tien buren.",
        publication_consent=True,
    )

    summary, data = _export(resident)

    assert summary.count("Samen koken met de buren") == 1
    assert "Verhalen (1)" in summary
    assert "De redactie leest uw verhaal" in summary
    assert "Toestemming voor publicatie op" in summary
    for internal in ("Path", "Depth", "Numchild", "Draft title", "Content JSON", "Live", "in_progress"):
        assert internal not in summary
    assert not ISO_MOMENT.search(summary)
    # gegevens.json keeps the page, its revision and its workflow, every field
    [page] = data["wagtailcore.page.owner"]
    assert {"path", "depth", "numchild", "draft_title", "live"} <= set(page["fields"])
    [story] = data["stories.storypage.submitted_by"]
    assert {"body", "intro", "publication_consent_at", "author_name"} <= set(story["fields"])
    assert data["wagtailcore.revision.user"][0]["fields"]["content"]["title"] == "Samen koken met de buren"
    assert data["wagtailcore.workflowstate.requested_by"][0]["fields"]["status"] == "in_progress"


def test_choices_show_their_dutch_label_and_json_keeps_the_stored_value(resident):
    ListingFactory(owner=resident, title="Wie helpt met boodschappen?", category="boodschappen", area="noord")

    summary, data = _export(resident)

    assert "Vraag en aanbod (1)" in summary
    assert "<dt>Categorie</dt><dd>Boodschappen</dd>" in summary
    assert "<dt>Buurt</dt><dd>Ruwaard-Noord</dd>" in summary
    assert "<dt>Wacht op moderator</dt><dd>Nee</dd>" in summary
    assert "Reminder" not in summary and "Hidden from status" not in summary
    [row] = data["marketplace.listing.owner"]
    assert row["fields"]["category"] == "boodschappen"
    assert set(row["fields"]) == {f.name for f in Listing._meta.concrete_fields} - {"id"}


def test_roles_show_by_their_dutch_name(resident):
    summary, data = _export(resident)
    assert "<dd>Bewoner</dd>" in summary
    assert data["account"]["roles"] == ["bewoner"]


def test_every_model_of_ours_that_points_at_a_person_says_how_the_person_reads_it():
    """A new model with a link to a person shows in overzicht.html too, not only in gegevens.json."""
    ours = {"accounts", "notifications", "organisations", "notices", "activities", "marketplace", "stories"}
    ours |= {"moderation"}
    wagtail_pages_of_editors = {"home.homepage", "stories.storyindexpage"}
    described = {kind.model for kind in readable.kinds()}
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in ours
        and model._meta.label_lower not in wagtail_pages_of_editors
        and model not in described
        and any(
            isinstance(field, models.ForeignKey) and field.related_model is User
            for field in model._meta.concrete_fields
        )
    ]
    assert missing == []


def test_the_overview_shows_only_the_persons_own_rows_not_what_they_handled_for_others(moderator):
    """A coordinator set the status of someone's notice; a moderator handled someone's report: those rows
    are other people's, and stay out of the coordinator's and the moderator's overview."""
    from django.utils import timezone

    from moderation.models import Report
    from notices.models import Notice
    from tests.factories import UserFactory
    from tests.notices.factories import NoticeFactory

    coordinator, author = UserFactory(display_name="Kees"), UserFactory(display_name="Piet")
    notice = NoticeFactory(author=author, text="Piet zag iets bij nummer 12")
    Notice.objects.filter(pk=notice.pk).update(status_by=coordinator)
    Report.objects.create(
        kind="listing",
        object_id=1,
        reporter=author,
        reason=Report.Reason.choices[0][0],
        note="Mijn buurman Jan intimideert mij",
        handled_by=moderator,
        handled_at=timezone.now(),
    )
    assert "nummer 12" not in _export(coordinator)[0]
    assert "Jan intimideert" not in _export(moderator)[0]
    author_overview = _export(author)[0]
    assert "nummer 12" in author_overview and "Jan intimideert" in author_overview


def test_every_kind_names_whose_rows_it_shows():
    for kind in readable.kinds():
        assert kind.owner_fields(), kind.model
