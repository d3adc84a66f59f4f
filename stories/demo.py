"""Demo stories of the Rucreant: two editions, themes, six published stories, one waiting for review."""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from accounts.demo import demo_user

from . import demo_images, services
from .models import Edition, StoryIndexPage, StoryPage, Theme

THEMES = {
    "gezondheid": "Gezondheid",
    "samen-spelen": "Samen spelen",
    "bewegen": "Bewegen",
    "veiligheid": "Veilige buurt",
    "ontmoeten": "Ontmoeten",
}

EDITIONS = [
    {"number": 41, "days_ago": 75, "colour": "#0b5d3b"},
    {"number": 42, "days_ago": 14, "colour": "#7a2e8a"},
]

STORIES = [
    {
        "slug": "samen-gestopt-in-oktober",
        "title": "Samen gestopt in oktober",
        "intro": (
            "Acht buren stopten in oktober samen met roken. Elke week "
            "zaten ze aan tafel in Ons Huis van de Wijk."
        ),
        "author": "Ria",
        "edition": 41,
        "days_ago": 70,
        "themes": ["gezondheid", "ontmoeten"],
        "motif": "calendar",
        "alt": "Tekening van een kalender met achtentwintig afgevinkte dagen.",
        "paragraphs": [
            "Alleen stoppen lukte me nooit. Dit keer deden we het met een groep. Iedere dinsdag dronken we "
            "koffie en vertelden we hoe het ging.",
            "Een verpleegkundige van de huisartsenpraktijk gaf tips. "
            "Wat doe je na het eten, als je zin krijgt? "
            "Ik ging een rondje lopen. Dat helpt echt.",
        ],
        "quote": "Na 28 dagen wist ik: dit kan ik. En ik ruik weer hoe de koffie ruikt.",
    },
    {
        "slug": "de-huisarts-en-wij",
        "title": "De huisarts en wij: praten over medicijnen",
        "intro": (
            "Vrouwen uit de wijk en de huisartsen gaan met elkaar in "
            "gesprek. Over diabetes, medicijnen en opvoeden."
        ),
        "author": "Ayşe",
        "edition": 41,
        "days_ago": 62,
        "themes": ["gezondheid", "ontmoeten"],
        "motif": "speech",
        "alt": "Tekening van twee tekstballonnen, een groene en een oranje.",
        "paragraphs": [
            "Bij de huisarts heb je maar tien minuten. Dan vergeet je "
            "soms wat je wilde vragen. Daarom praten "
            "we nu ook buiten de spreekkamer met elkaar.",
            "In de huiskamer van Ons Huis van de Wijk stellen we onze vragen. Hoe neem je pillen tijdens de "
            "ramadan? Wat doe je als je kind niet wil eten? De huisarts luistert en wij leren van elkaar.",
        ],
        "quote": "Nu durf ik te zeggen wat ik niet begrijp.",
    },
    {
        "slug": "spelen-lenen-in-de-speelotheek",
        "title": "Spelen lenen in de speelotheek",
        "intro": (
            "In de speelotheek leen je speelgoed, net als boeken in de bibliotheek. Samira komt er elke week."
        ),
        "author": "Samira",
        "edition": 41,
        "days_ago": 55,
        "themes": ["samen-spelen"],
        "motif": "blocks",
        "alt": "Tekening van zes gekleurde speelblokken op een lichte achtergrond.",
        "paragraphs": [
            "Mijn kinderen willen steeds iets nieuws. Kopen kan niet "
            "altijd. In de speelotheek kiezen ze zelf "
            "een spel of een puzzel. Na twee weken brengen we het terug.",
            "Ik ontmoet er ook andere moeders. We drinken thee terwijl de "
            "kinderen spelen. Zo leer je de buurt kennen.",
        ],
        "quote": "",
    },
    {
        "slug": "wandelen-met-het-sec",
        "title": "Wandelen met het SEC: een route door onze wijk",
        "intro": (
            "Het Sport Educatie Centrum maakte een wandelroute door de Ruwaard. Gerard liep hem als eerste."
        ),
        "author": "Gerard",
        "edition": 42,
        "days_ago": 12,
        "themes": ["bewegen"],
        "motif": "path",
        "alt": "Tekening van een wandelpad door het gras met bomen aan weerszijden en een gele zon.",
        "paragraphs": [
            "De route is ongeveer vier kilometer. Onderweg staan "
            "borden met een oefening: een bankje om op te "
            "stappen, een paal om omheen te lopen. Je doet zoveel als je kunt.",
            "Op woensdagochtend loopt er iemand van het SEC mee. Daarna drinken we samen koffie. "
            "Wie niet zo goed ter been is, loopt een korter stuk.",
        ],
        "quote": "Ik ben 74. Ik loop nu elke week, en ik ken de helft van de wandelaars bij naam.",
    },
    {
        "slug": "s-avonds-op-pad-met-de-buurtpreventie",
        "title": "’s Avonds op pad met de buurtpreventie",
        "intro": (
            "Twee keer per week lopen bewoners een ronde door de wijk. Ze letten op en maken een praatje."
        ),
        "author": "Kees",
        "edition": 42,
        "days_ago": 9,
        "themes": ["veiligheid", "ontmoeten"],
        "motif": "houses",
        "alt": "Tekening van een rij huizen in de avond met verlichte ramen en de maan.",
        "paragraphs": [
            "We lopen altijd met z’n tweeën, in een geel hesje. We zien een open garagedeur of een kapotte "
            "lantaarnpaal. Dat melden we bij de gemeente of de wijkagent.",
            "Het mooiste vind ik de gesprekken. Mensen komen naar buiten en vertellen wat hen opvalt. "
            "Zo voelt de straat weer van ons samen.",
        ],
        "quote": "Je hoeft geen held te zijn. Je moet alleen goed kijken.",
    },
    {
        "slug": "ons-huis-van-de-wijk-zeven-dagen-open",
        "title": "Ons Huis van de Wijk: zeven dagen per week open",
        "intro": "Koffie, taal, samen eten of een spreekuur: in Ons Huis van de Wijk is altijd iemand.",
        "author": "Annie",
        "edition": 42,
        "days_ago": 5,
        "themes": ["ontmoeten"],
        "motif": "cups",
        "alt": "Tekening van vier gekleurde koffiekopjes op een houten tafel.",
        "paragraphs": [
            "Ik kwam hier voor het eerst na de dood van mijn man. Ik "
            "wilde niet de hele dag alleen thuis zijn. "
            "Nu schenk ik zelf de koffie op maandag.",
            "Er zijn meer dan twintig activiteiten. En er zijn spreekuren, voor geldzaken of zorg. "
            "Je loopt gewoon binnen. Niemand vraagt waarom je er bent.",
        ],
        "quote": "Hier hoef je niets. Je mag er gewoon zijn.",
    },
]

PENDING = {
    "title": "Onze moestuinbakken aan de Kastanjelaan",
    "text": "Vorig voorjaar zetten we met vijf buren moestuinbakken neer.\n\n"
    "Nu oogsten we tomaten, sla en bonen. Wat over is, delen we met de buren.",
}


def _image(*, title: str, content: bytes, filename: str, alt: str):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=alt, file=ImageFile(ContentFile(content), name=filename))
        image.save()
    return image


def _document(*, title: str, content: bytes, filename: str):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document.objects.create(title=title, file=ContentFile(content, name=filename))
    return document


def _index() -> StoryIndexPage:
    index = StoryIndexPage.objects.first()
    if index is None:
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=StoryIndexPage(title="Verhalen uit de wijk", slug="verhalen"))
    return index


def _editions(today: dt.date) -> dict[int, Edition]:
    editions = {}
    for spec in EDITIONS:
        number = spec["number"]
        cover = _image(
            title=f"Omslag Rucreant {number}",
            content=demo_images.cover_png(number, spec["colour"]),
            filename=f"rucreant-{number}.png",
            alt=f"Omslag van de Rucreant nummer {number}.",
        )
        pdf = _document(
            title=f"Rucreant {number} (pdf)",
            content=demo_images.cover_pdf(number, spec["colour"]),
            filename=f"rucreant-{number}.pdf",
        )
        editions[number], _ = Edition.objects.update_or_create(
            number=number,
            defaults={
                "published_on": today - dt.timedelta(days=spec["days_ago"]),
                "cover": cover,
                "cover_alt": f"Omslag van de Rucreant nummer {number}, met de titel in wit.",
                "pdf": pdf,
            },
        )
    return editions


def _body(spec: dict) -> list:
    body = [("paragraph", RichText(f"<p>{spec['paragraphs'][0]}</p>"))]
    if spec["quote"]:
        body.append(("quote", {"text": spec["quote"], "attribution": spec["author"]}))
    body += [("paragraph", RichText(f"<p>{text}</p>")) for text in spec["paragraphs"][1:]]
    return body


def load(*, today, stdout) -> None:
    index = _index()
    themes = {
        slug: Theme.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in THEMES.items()
    }
    editions = _editions(today)
    editor = demo_user("redactie@example.org")
    created = 0
    for spec in STORIES:
        if StoryPage.objects.filter(slug=spec["slug"]).exists():
            continue
        image = _image(
            title=spec["title"],
            content=demo_images.illustration(spec["motif"]),
            filename=f"{spec['slug']}.png",
            alt=spec["alt"],
        )
        story = StoryPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            body=_body(spec),
            hero_image=image,
            hero_alt=spec["alt"],
            author_name=spec["author"],
            editor=editor,
            edition=editions[spec["edition"]],
            owner=editor,
        )
        story.themes.set([themes[slug] for slug in spec["themes"]])
        index.add_child(instance=story)
        story.save_revision(user=editor).publish(user=editor)
        published_at = timezone.make_aware(
            dt.datetime.combine(today - dt.timedelta(days=spec["days_ago"]), dt.time(10, 0))
        )
        StoryPage.objects.filter(pk=story.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        created += 1
    resident = demo_user("bewoner@example.org")
    if not StoryPage.objects.filter(submitted_by=resident, title=PENDING["title"]).exists():
        services.submit_story(
            author=resident,
            index=index,
            title=PENDING["title"],
            text=PENDING["text"],
            publication_consent=True,
        )
    stdout.write(
        f"  stories: {created} new stories, {len(EDITIONS)} Rucreant editions, one waiting for the editors"
    )
