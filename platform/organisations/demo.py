"""Demo organisations of Ruwaard: the partners named in the district's own documents."""

from accounts.models import User

from .models import HelpTopic as T
from .models import Membership, Organisation
from .services import add_member

ORGANISATIONS = [
    {
        "name": "ONS Welzijn",
        "slug": "ons-welzijn",
        "kind": "welzijn",
        "summary": "Opbouwwerk, ouderenwerk en vrijwilligerswerk in de wijk.",
        "helps_with": "Vragen over meedoen in de wijk.\nVrijwilligerswerk zoeken of aanbieden.\n"
        "Hulp als u zich alleen voelt of iemand zoekt om mee op te trekken.",
        "topics": [T.ONTMOETEN, T.VRIJWILLIGERSWERK, T.WIJK],
        "address": "Kastanjelaan 2, Oss",
        "phone": "0412 - 62 39 00",
        "opening_hours": "Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
    },
    {
        "name": "GGD Hart voor Brabant",
        "slug": "ggd",
        "kind": "zorg",
        "summary": "Gezondheid van jong tot oud: jeugdgezondheid, voorlichting en preventie.",
        "helps_with": "Vragen over gezond leven, roken stoppen en opvoeden.\nHet consultatiebureau.\n"
        "Voorlichting in de wijk, bijvoorbeeld over Stoptober.",
        "topics": [T.GEZONDHEID, T.OPVOEDING],
        "address": "Ons Huis van de Wijk, Kastanjelaan 2, Oss",
        "phone": "0900 - 463 64 43",
    },
    {
        "name": "BrabantWonen",
        "slug": "brabantwonen",
        "kind": "wonen",
        "summary": "De woningcorporatie van veel huizen in Ruwaard.",
        "helps_with": "Reparaties en onderhoud van uw huurhuis.\nHuur betalen of een huurachterstand.\n"
        "Overlast van buren.",
        "topics": [T.WONEN, T.GELDZAKEN],
        "phone": "0412 - 69 99 99",
        "website": "https://www.brabantwonen.nl",
    },
    {
        "name": "BrabantZorg",
        "slug": "brabantzorg",
        "kind": "zorg",
        "summary": "Thuiszorg, wijkverpleging en zorg voor ouderen.",
        "helps_with": "Hulp en verpleging thuis.\nAdvies als zelfstandig wonen lastiger wordt.\n"
        "Dagbesteding voor ouderen.",
        "topics": [T.ZORG_THUIS, T.GEZONDHEID],
        "phone": "088 - 124 12 00",
    },
    {
        "name": "Schuldhulp Oss",
        "slug": "schuldhulp",
        "kind": "gemeente",
        "summary": "Samen orde brengen in geldzaken, voordat schulden groeien.",
        "helps_with": "Rekeningen die u niet meer kunt betalen.\nPost die u niet durft open te maken.\n"
        "Een plan maken voor uw geld, met een vrijwilliger of een consulent.",
        "topics": [T.GELDZAKEN],
        "address": "Ons Huis van de Wijk, Kastanjelaan 2, Oss",
    },
    {
        "name": "Werk en Inkomen Gemeente Oss",
        "slug": "werk-en-inkomen",
        "kind": "gemeente",
        "summary": "Hulp bij werk zoeken, uitkering en toeslagen.",
        "helps_with": "Werk zoeken of weer aan de slag gaan.\nVragen over uw uitkering.\n"
        "Toeslagen en regelingen voor mensen met een laag inkomen.",
        "topics": [T.WERK_INKOMEN, T.GELDZAKEN],
        "phone": "14 0412",
        "website": "https://www.oss.nl",
    },
    {
        "name": "Sport Educatie Centrum (SEC)",
        "slug": "sec",
        "kind": "welzijn",
        "summary": "Sport en bewegen in de wijk, voor jong en oud.",
        "helps_with": "Een sport of beweeggroep vinden die bij u past.\nDe beweegroute door Ruwaard.\n"
        "Sporten voor kinderen na school.",
        "topics": [T.BEWEGEN, T.GEZONDHEID],
    },
    {
        "name": "Wijkagent Ruwaard",
        "slug": "wijkagent",
        "kind": "veiligheid",
        "summary": "De politie in uw wijk. Bij spoed belt u altijd 112.",
        "helps_with": "Zorgen over veiligheid in uw straat.\nSamenwerken met buurtpreventie.\n"
        "Geen spoed? Bel 0900 - 8844.",
        "topics": [T.VEILIGHEID],
        "phone": "0900 - 8844",
    },
    {
        "name": "Wijkstichting Rucrea",
        "slug": "rucrea",
        "kind": "bewoners",
        "summary": "Bewoners die samen activiteiten en de Rucreant maken.",
        "helps_with": "Zelf een activiteit opzetten.\nMeeschrijven aan de Rucreant, het wijkblad.\n"
        "Ideeën voor de wijk waar u hulp bij zoekt.",
        "topics": [T.WIJK, T.ONTMOETEN, T.VRIJWILLIGERSWERK],
    },
    {
        "name": "Wijkraad Ruwaard",
        "slug": "wijkraad",
        "kind": "bewoners",
        "summary": "De stem van de bewoners bij gemeente en organisaties.",
        "helps_with": "Zorgen of ideeën over de buurt: groen, verkeer, veiligheid.\n"
        "Meepraten over plannen voor Ruwaard.",
        "topics": [T.WIJK, T.VEILIGHEID],
    },
    {
        "name": "Ons Huis van de Wijk",
        "slug": "ons-huis-van-de-wijk",
        "kind": "plek",
        "summary": "Het wijkcentrum, zeven dagen per week open, voor ontmoeting en hulp.",
        "helps_with": "Meer dan twintig activiteiten per week.\nDrie inloopspreekuren van professionals per week.\n"
        "Een kop koffie en een praatje.",
        "topics": [T.ONTMOETEN, T.WIJK],
        "address": "Kastanjelaan 2, Oss",
        "opening_hours": "Elke dag open, ook in het weekend",
    },
    {
        "name": "D'n Iemhof",
        "slug": "dn-iemhof",
        "kind": "plek",
        "summary": "Buurthuis, beheerd door bewoners van Beheerstichting D'n Iemhof.",
        "helps_with": "Ruimte voor clubs en bijeenkomsten.\nActiviteiten voor kinderen en ouderen.",
        "topics": [T.ONTMOETEN],
        "address": "Ruwaardstraat 1, Oss",
    },
    {
        "name": "JIJ! Advies en coaching",
        "slug": "jij-advies",
        "kind": "zorg",
        "summary": "Coaching en ondersteuning bij opvoeden en het gezinsleven.",
        "helps_with": "Vragen over opvoeden.\nSteun als het thuis even niet lukt.",
        "topics": [T.OPVOEDING],
    },
    {
        "name": "UniK",
        "slug": "unik",
        "kind": "welzijn",
        "summary": "Dagbesteding en werk voor mensen die wat extra steun nodig hebben.",
        "helps_with": "Een zinvolle dag met werk of activiteiten.\nMeedoen naar vermogen.",
        "topics": [T.WERK_INKOMEN, T.ZORG_THUIS],
    },
    {
        "name": "GGZ Oost-Brabant",
        "slug": "ggz-oost-brabant",
        "kind": "zorg",
        "summary": "Hulp bij psychische klachten, dichtbij in de wijk.",
        "helps_with": "Somberheid, angst of stress.\nHulp voor mensen met psychische kwetsbaarheid in de wijk.",
        "topics": [T.GEZONDHEID],
    },
]


def load(*, today, stdout) -> None:
    for item in ORGANISATIONS:
        data = dict(item)
        slug = data.pop("slug")
        topics = [str(t) for t in data.pop("topics")]
        Organisation.objects.update_or_create(slug=slug, defaults={**data, "help_topics": topics})
    professional = User.objects.filter(email="professional@example.org").first()
    if professional:
        add_member(
            organisation=Organisation.objects.get(slug="ons-welzijn"),
            user=professional,
            role=Membership.Role.ADMIN,
        )
    stdout.write(f"  organisations: {len(ORGANISATIONS)}")
