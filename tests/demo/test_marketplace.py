"""The demo content makes a real-looking marketplace, and loading twice adds nothing."""

import io
import re

import pytest
from django.core.management import call_command

from accounts.models import User
from marketplace.models import Conversation, Listing, Message, Status


@pytest.mark.django_db
def test_demo_marketplace_lists_both_kinds_and_filters_narrow(client):
    call_command("load_demo", stdout=io.StringIO())
    counts = (Listing.objects.count(), Conversation.objects.count(), Message.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Listing.objects.count(), Conversation.objects.count(), Message.objects.count()) == counts

    assert Listing.objects.filter(status=Status.OPEN).count() >= 20
    assert Listing.objects.filter(status=Status.AGREED).count() >= 2
    assert Listing.objects.values("category").distinct().count() >= 10
    assert Listing.objects.filter(status=Status.DONE).exists()
    assert Listing.objects.filter(consent_at__isnull=False).exists()

    page = client.get("/vraag-en-aanbod/").content.decode()
    links = set(re.findall(r'href="(/vraag-en-aanbod/\d+/)"', page))
    assert len(links) >= 5
    assert ">Vraag<" in page and ">Aanbod<" in page

    vragen = client.get("/vraag-en-aanbod/?soort=vraag").content.decode()
    assert (
        ">Vraag<" in vragen.split('id="berichten"')[1] and ">Aanbod<" not in vragen.split('id="berichten"')[1]
    )
    tuin = client.get("/vraag-en-aanbod/?categorie=tuin").content.decode()
    assert "Heg knippen voor de zomer" in tuin and "Lamp ophangen" not in tuin
    zuid = client.get("/vraag-en-aanbod/?buurt=zuid").content.decode()
    assert "Videobellen met mijn kleinkinderen" in zuid and "Wie doet boodschappen met mij?" not in zuid


@pytest.mark.django_db
def test_demo_conversations_are_between_demo_accounts(client):
    call_command("load_demo", stdout=io.StringIO())
    fatma = User.objects.get(email="bewoner@example.org")
    henk = User.objects.get(email="vrijwilliger@example.org")
    conversation = Conversation.objects.get(response__listing__title="Wie doet boodschappen met mij?")
    client.force_login(fatma)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Gesprek met Henk" in page and "donderdagochtend" in page
    client.force_login(henk)
    assert "Wie doet boodschappen met mij?" in client.get("/berichten/").content.decode()
