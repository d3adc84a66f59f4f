"""Demo asks and offers of Ruwaard, some matched, with conversations between the demo accounts."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.demo import demo_user

from .models import LIFETIME, Conversation, FollowUp, Listing, MatchPreference, Message, Response, Status

FATMA, HENK, SANNE = "bewoner@example.org", "vrijwilliger@example.org", "professional@example.org"
KEES, ANOUK = "coordinator@example.org", "lid@example.org"

# (owner, kind, category, area, when, days ago, title, text)
LISTINGS = [
    (
        FATMA,
        "vraag",
        "boodschappen",
        "noord",
        "ochtend",
        2,
        "Wie doet boodschappen met mij?",
        "Mijn knie is geopereerd. Eén keer per week naar de supermarkt, samen of voor mij.",
    ),
    (
        FATMA,
        "vraag",
        "formulieren",
        "noord",
        "middag",
        5,
        "Hulp bij een brief van de gemeente",
        "Ik snap een brief over toeslagen niet goed. Wie leest met mij mee?",
    ),
    (
        KEES,
        "vraag",
        "klussen",
        "midden",
        "weekend",
        1,
        "Lamp ophangen in de woonkamer",
        "Ik heb een nieuwe lamp, maar geen ladder en geen boormachine.",
    ),
    (
        KEES,
        "vraag",
        "tuin",
        "midden",
        "ochtend",
        9,
        "Heg knippen voor de zomer",
        "Mijn heg is te hoog geworden. Ik help graag mee, maar alleen lukt het niet.",
    ),
    (
        ANOUK,
        "vraag",
        "computer",
        "zuid",
        "avond",
        3,
        "Videobellen met mijn kleinkinderen",
        "Ik heb een nieuwe telefoon. Wie leert mij videobellen?",
    ),
    (
        ANOUK,
        "vraag",
        "vervoer",
        "zuid",
        "ochtend",
        4,
        "Mee naar het ziekenhuis in Oss",
        "Op dinsdagochtend heb ik een afspraak. Ik zoek iemand die meegaat, met de bus of de auto.",
    ),
    (
        FATMA,
        "vraag",
        "taal",
        "noord",
        "middag",
        12,
        "Samen Nederlands oefenen",
        "Ik wil beter Nederlands praten. Gewoon samen koffie drinken en kletsen.",
    ),
    (
        KEES,
        "vraag",
        "gezelschap",
        "midden",
        "middag",
        6,
        "Wie wandelt mee in het park?",
        "Na mijn verhuizing ken ik nog weinig mensen. Een rondje lopen en een praatje.",
    ),
    (
        ANOUK,
        "vraag",
        "kinderen",
        "zuid",
        "avond",
        2,
        "Oppas voor woensdagavond",
        "Twee kinderen van 4 en 7. Van zeven tot tien uur, voor een ouderavond.",
    ),
    (
        FATMA,
        "vraag",
        "spullen",
        "noord",
        "altijd",
        7,
        "Wie leent mij een naaimachine?",
        "Ik wil gordijnen korter maken. Ik breng hem netjes terug.",
    ),
    (
        HENK,
        "aanbod",
        "boodschappen",
        "noord",
        "ochtend",
        3,
        "Ik doe graag boodschappen voor u",
        "Ik ben met pensioen en heb een auto. Op maandag- en donderdagochtend ga ik naar de supermarkt.",
    ),
    (
        HENK,
        "aanbod",
        "klussen",
        "heel",
        "weekend",
        8,
        "Kleine klussen in huis",
        "Lamp ophangen, kraan vervangen, schilderij aan de muur. Ik heb gereedschap en een ladder.",
    ),
    (
        HENK,
        "aanbod",
        "vervoer",
        "heel",
        "ochtend",
        10,
        "Rijden naar de dokter of het ziekenhuis",
        "Ik rijd u naar een afspraak en wacht op u. Rolstoel past in de auto.",
    ),
    (
        ANOUK,
        "aanbod",
        "computer",
        "zuid",
        "avond",
        5,
        "Hulp met uw telefoon of tablet",
        "Apps, WhatsApp, videobellen of DigiD: ik leg het rustig uit.",
    ),
    (
        KEES,
        "aanbod",
        "tuin",
        "midden",
        "weekend",
        4,
        "Ik help in uw tuin",
        "Gras maaien, onkruid wieden en heggen knippen. Ik heb een heggenschaar.",
    ),
    (
        SANNE,
        "aanbod",
        "formulieren",
        "heel",
        "middag",
        6,
        "Hulp bij formulieren en brieven",
        "Elke dinsdagmiddag in Ons Huis van de Wijk. Ook thuis als het niet anders kan.",
    ),
    (
        ANOUK,
        "aanbod",
        "koken",
        "zuid",
        "avond",
        2,
        "Samen koken en eten op vrijdag",
        "Ik kook graag voor meer mensen. Schuif aan en neem iemand mee.",
    ),
    (
        KEES,
        "aanbod",
        "gezelschap",
        "midden",
        "middag",
        11,
        "Een kopje koffie en een praatje",
        "Ik kom graag op bezoek bij iemand die het gezellig vindt.",
    ),
    (
        HENK,
        "aanbod",
        "spullen",
        "heel",
        "altijd",
        13,
        "Kinderfiets weg te geven",
        "Een fiets voor een kind van 6 tot 8 jaar. Nieuwe banden. Gratis.",
    ),
    (
        ANOUK,
        "aanbod",
        "taal",
        "zuid",
        "middag",
        7,
        "Voorlezen en samen lezen",
        "Ik lees graag voor, aan kinderen of volwassenen die beter willen leren lezen.",
    ),
    (
        FATMA,
        "aanbod",
        "koken",
        "noord",
        "middag",
        9,
        "Ik leer u Turkse gerechten koken",
        "Samen koken is leuk. Ik laat u zien hoe ik börek maak.",
    ),
    (
        KEES,
        "aanbod",
        "kinderen",
        "midden",
        "avond",
        15,
        "Hulp bij huiswerk rekenen",
        "Oud-leraar. Ik help kinderen van groep 6 tot 8 met rekenen.",
    ),
]

LISTINGS += [
    (
        ANOUK,
        "vraag",
        "klussen",
        "zuid",
        "middag",
        3,
        "Wie plakt mijn fietsband?",
        "Mijn achterband is lek. Ik heb zelf een plakset, maar weet niet hoe het moet.",
    ),
    (
        HENK,
        "aanbod",
        "gezelschap",
        "heel",
        "ochtend",
        1,
        "Samen naar de markt",
        "Op dinsdagochtend loop ik naar de markt. Wie wil mee? Rustig tempo, rollator geen probleem.",
    ),
]

# (listing title, responder, accepted, messages as (author, text))
CONVERSATIONS = [
    (
        "Kinderfiets weg te geven",
        ANOUK,
        "klaar",
        [
            (ANOUK, "Mijn kleinzoon is zeven. Is de fiets nog vrij?"),
            (HENK, "Ja hoor. Kom hem zaterdag maar halen bij Ons Huis van de Wijk."),
        ],
    ),
    (
        "Wie doet boodschappen met mij?",
        HENK,
        True,
        [
            (HENK, "Hallo Fatma, ik ga donderdagochtend naar de supermarkt. Zal ik u meenemen?"),
            (FATMA, "Graag! Om tien uur is goed. Ik stuur u mijn adres hier."),
            (HENK, "Prima, tot donderdag."),
        ],
    ),
    (
        "Lamp ophangen in de woonkamer",
        HENK,
        True,
        [
            (HENK, "Ik heb een ladder en een boormachine. Zaterdag om elf uur?"),
            (KEES, "Dat is fijn. Tot zaterdag!"),
        ],
    ),
    (
        "Videobellen met mijn kleinkinderen",
        KEES,
        False,
        [
            (KEES, "Ik kan het u uitleggen. Ik heb zelf ook zo'n telefoon."),
        ],
    ),
    (
        "Hulp bij een brief van de gemeente",
        SANNE,
        False,
        [
            (SANNE, "Kom gerust dinsdagmiddag naar Ons Huis van de Wijk. Neem de brief mee."),
        ],
    ),
]


def _at(today, days_ago: int) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(10, 0)))


def _finish(*, response: Response, listing: Listing) -> None:
    """Both said it is done and answered "Is het gelukt?": the loop closed."""
    done_at = response.accepted_at + timedelta(days=2)
    Response.objects.filter(pk=response.pk).update(
        owner_done_at=done_at,
        owner_thanks="Mijn kleinzoon is er heel blij mee. Dank je wel!",
        responder_done_at=done_at,
        responder_thanks="Graag gedaan!",
        follow_up_sent_at=response.accepted_at + timedelta(days=7),
    )
    for user in (listing.owner, response.responder):
        FollowUp.objects.update_or_create(
            response=response,
            user=user,
            defaults={
                "asked_at": response.accepted_at + timedelta(days=7),
                "answer": FollowUp.Answer.YES,
                "answered_at": response.accepted_at + timedelta(days=7, hours=2),
            },
        )


def load(*, today, stdout) -> None:
    listings = {}
    for email, kind, category, area, when, days_ago, title, text in LISTINGS:
        created = _at(today, days_ago)
        listing, _created = Listing.objects.update_or_create(
            owner=demo_user(email),
            title=title,
            defaults={
                "kind": kind,
                "category": category,
                "area": area,
                "when": when,
                "text": text,
                "created_at": created,
                "shown_at": created,
                "expires_at": created + LIFETIME,
                "is_pending": False,
            },
        )
        listings[title] = listing
    for title, responder_email, accepted, messages in CONVERSATIONS:
        listing = listings[title]
        response, _created = Response.objects.get_or_create(
            listing=listing, responder=demo_user(responder_email)
        )
        conversation, _created = Conversation.objects.get_or_create(response=response)
        if not conversation.messages.exists():
            start = listing.created_at + timedelta(hours=3)
            for index, (author, text) in enumerate(messages):
                Message.objects.create(
                    conversation=conversation,
                    author=demo_user(author),
                    text=text,
                    created_at=start + timedelta(hours=index),
                )
            conversation.updated_at = start + timedelta(hours=len(messages))
            conversation.save(update_fields=["updated_at"])
        if accepted:
            if not response.accepted_at:
                response.accepted_at = listing.created_at + timedelta(days=1)
                response.save(update_fields=["accepted_at"])
            status = Status.AGREED
            if accepted == "klaar":
                _finish(response=response, listing=listing)
                status = Status.DONE
            Listing.objects.filter(pk=listing.pk).update(status=status)
        else:
            Listing.objects.filter(pk=listing.pk).update(status=Status.OPEN)
    created = _at(today, 1)
    Listing.objects.update_or_create(
        owner=demo_user(SANNE),
        title="Wie gaat mee naar de markt op dinsdag?",
        defaults={
            "kind": "vraag",
            "category": "gezelschap",
            "area": "noord",
            "when": "ochtend",
            "text": "Een oudere bewoner zou graag weer eens naar de markt gaan, samen met iemand.",
            "created_at": created,
            "shown_at": created,
            "expires_at": created + LIFETIME,
            "is_pending": False,
            "on_behalf_name": "Mevrouw J.",
            "consent_at": created,
        },
    )
    MatchPreference.objects.update_or_create(
        user=demo_user(HENK), defaults={"notify": True, "categories": [], "area": "heel", "digest": True}
    )
    stdout.write(f"  marketplace: {len(LISTINGS) + 1} asks and offers, {len(CONVERSATIONS)} conversations")
