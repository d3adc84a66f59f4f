"""Indexing follows committed saves and deletes; only what a visitor may see is indexed."""

import pytest
from django.core.management import call_command

from search.models import SearchEntry
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_saved_organisation_is_indexed_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        organisation = OrganisationFactory(name="Speelotheek", slug="speelotheek", summary="Speelgoed lenen.")
    assert not SearchEntry.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()
    entry = SearchEntry.objects.get(key=f"organisations.organisation:{organisation.pk}")
    assert entry.doc_type == "organisation"
    assert entry.url == "/organisaties/speelotheek/"


def test_deactivated_organisation_leaves_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(slug="tijdelijk")
    with django_capture_on_commit_callbacks(execute=True):
        organisation.is_active = False
        organisation.save()
    assert not SearchEntry.objects.filter(object_id=str(organisation.pk)).exists()


def test_deleted_organisation_leaves_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(slug="weg")
    pk = organisation.pk
    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    assert not SearchEntry.objects.filter(object_id=str(pk), doc_type="organisation").exists()


def test_rebuild_command_shows_progress_and_counts(capsys):
    OrganisationFactory.create_batch(3)
    OrganisationFactory(slug="inactief", is_active=False)
    SearchEntry.objects.create(key="stale:1", doc_type="activity", object_id="1", title="Oud", url="/oud/")
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "100% 3/3" in out
    assert "Search index (database): 3 documents." in out
    assert SearchEntry.objects.count() == 3


def test_stale_entry_is_never_shown(client):
    """An entry whose object a visitor may no longer see (changed without a signal) is filtered out."""
    organisation = OrganisationFactory(slug="stil", name="Stille koffie")
    call_command("rebuild_search_index", "--no-progress")
    type(organisation).objects.filter(pk=organisation.pk).update(is_active=False)  # no signal
    response = client.get("/zoeken/", {"q": "koffie"})
    assert "Stille koffie" not in response.content.decode()
    assert client.get("/zoeken/suggesties/", {"q": "stille"}).json() == {"suggestions": []}


def test_renamed_organisation_updates_its_activities(django_capture_on_commit_callbacks):
    from tests.activities.factories import ActivityFactory

    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Buurtwerk Oost", slug="buurtwerk")
        ActivityFactory(title="Spelletjesmiddag", organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Buurtwerk Ruwaard"
        organisation.save()
    entry = SearchEntry.objects.get(title="Spelletjesmiddag")
    assert "Buurtwerk Ruwaard" in entry.text and "Oost" not in entry.text


def test_rebuild_fills_elasticsearch_too_when_configured(settings):
    from unittest import mock

    OrganisationFactory.create_batch(2)
    fake = mock.MagicMock()
    fake.rebuild.side_effect = lambda documents: len(list(documents))
    with mock.patch("search.indexing.elasticsearch_backend", return_value=fake):
        from search.indexing import rebuild_index

        assert rebuild_index() == {"database": 2, "elasticsearch": 2}


def test_unreachable_cluster_is_left_alone_for_a_while(client, settings, closed_port_url, caplog):
    settings.ELASTICSEARCH_URL = closed_port_url
    OrganisationFactory(name="Koffiehoek", slug="koffiehoek")
    call_command("rebuild_search_index", "--no-progress")
    caplog.clear()
    for _ in range(3):
        assert client.get("/zoeken/", {"q": "koffiehoek"}).status_code == 200
    warnings = [r for r in caplog.records if "falls back to the database" in r.getMessage()]
    assert len(warnings) == 0  # the rebuild already found it down; no new attempts for a while
