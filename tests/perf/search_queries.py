"""What residents of Ruwaard type into the search box, and what they hope to find among the first three.

Written from the district's own words (the Proeftuin learning histories, the Rucreant): typos, plurals,
compounds, other words for the same thing, whole sentences. Each target is one of
  "agenda/<slug>"          an activity or walk-in hour
  "organisaties/<slug>"    an organisation
  "verhalen/<slug>"        a story
  "titel:<title>"          anything with this title (asks and offers have no stable slug)
  "soort:<doc_type>"       any result of this kind (walk_in, activity, listing, story, organisation)
  "onderwerp:<category>"   any result in this category
The targets are what a resident means, not what the search happens to return.
"""

MONEY = [
    "agenda/inloop-schuldhulp",
    "agenda/inloop-schuldhulp-donderdag",
    "organisaties/schuldhulp",
    "agenda/geldcafe",
]
HOME_CARE = ["agenda/inloop-thuiszorg", "organisaties/brabantzorg"]
WORK = ["agenda/inloop-werk-inkomen", "organisaties/werk-en-inkomen"]
DOCTOR = ["agenda/huisarts-in-gesprek", "verhalen/de-huisarts-en-wij"]
SAFETY = [
    "agenda/buurtpreventie-ronde",
    "organisaties/wijkagent",
    "agenda/inloop-wijkagent",
    "verhalen/s-avonds-op-pad-met-de-buurtpreventie",
]
SMOKING = ["agenda/stoptober-info", "verhalen/samen-gestopt-in-oktober"]
TOYS = ["agenda/speelotheek", "verhalen/spelen-lenen-in-de-speelotheek"]
UPBRINGING = ["agenda/opvoedcafe", "organisaties/jij-advies", "organisaties/ggd"]
DIGITAL = [
    "agenda/digicafe",
    "agenda/digid-hulp",
    "agenda/smartphone-cursus",
    "titel:Hulp met uw telefoon of tablet",
    "titel:Videobellen met mijn kleinkinderen",
]
LANGUAGE = ["agenda/taalcafe", "titel:Samen Nederlands oefenen"]
WALKING = [
    "agenda/wandelgroep",
    "agenda/beweegroute",
    "verhalen/wandelen-met-het-sec",
    "titel:Wie wandelt mee in het park?",
]
LETTERS = [
    "agenda/digid-hulp",
    "titel:Hulp bij formulieren en brieven",
    "titel:Hulp bij een brief van de gemeente",
]
HOUSING = ["organisaties/brabantwonen", "agenda/inloop-brabantwonen"]
MEETING = ["onderwerp:ontmoeten", "onderwerp:gezelschap", "organisaties/ons-welzijn"]
COFFEE = ["agenda/koffieochtend", "agenda/koffieochtend-donderdag", "titel:Een kopje koffie en een praatje"]
ODD_JOBS = [
    "titel:Kleine klussen in huis",
    "agenda/repaircafe",
    "titel:Lamp ophangen in de woonkamer",
    "titel:Wie plakt mijn fietsband?",
]

QUERIES: list[tuple[str, list[str]]] = [
    # walk-in hours
    ("spreekuren", ["soort:walk_in"]),
    ("inloopspreekuur", ["soort:walk_in"]),
    ("inloop", ["soort:walk_in"]),
    ("spreekuur schuldhulp", MONEY),
    # money trouble
    ("schulden", MONEY),
    ("schuld", MONEY),
    ("geldzorgen", MONEY),
    ("geldzaken", MONEY),
    ("shuldhulp", MONEY),
    ("schuldhulpverlening", MONEY),
    ("ik kan mijn rekeningen niet betalen", MONEY),
    ("geld tekort", MONEY),
    ("energierekening", ["agenda/workshop-energie"]),
    ("energie besparen", ["agenda/workshop-energie"]),
    # work and income
    ("werk", WORK),
    ("uitkering", WORK),
    ("bijstand", WORK),
    ("toeslagen", WORK),
    ("werk zoeken", WORK),
    # health
    ("dokter", DOCTOR),
    ("huisarts", DOCTOR),
    ("huisartsen", DOCTOR),
    ("suikerziekte", ["agenda/diabetes-voorlichting"]),
    ("diabetes", ["agenda/diabetes-voorlichting"]),
    ("medicijnen", ["agenda/medicijnen-gebruiken", "verhalen/de-huisarts-en-wij"]),
    ("ggd", ["organisaties/ggd"]),
    ("consultatiebureau", ["organisaties/ggd"]),
    ("somber", ["organisaties/ggz-oost-brabant"]),
    ("psychische klachten", ["organisaties/ggz-oost-brabant"]),
    ("stoppen met roken", SMOKING),
    ("stoptober", SMOKING),
    ("roken", SMOKING),
    ("yoga", ["agenda/yoga-op-de-stoel"]),
    # care at home
    ("thuiszorg", HOME_CARE),
    ("zorg thuis", HOME_CARE),
    ("wijkverpleegkundige", HOME_CARE),
    ("brabant zorg", ["organisaties/brabantzorg"]),
    ("brabantzorg", ["organisaties/brabantzorg"]),
    # loneliness and meeting people
    ("eenzaam", MEETING),
    ("ik voel me alleen", MEETING),
    ("gezelschap", MEETING),
    ("koffie", COFFEE),
    ("koffieochtend", ["agenda/koffieochtend", "agenda/koffieochtend-donderdag"]),
    ("koffei", COFFEE),
    ("sjoelen", ["agenda/sjoelen"]),
    ("bingo", ["agenda/bingo"]),
    ("vrijwilligerswerk", ["organisaties/ons-welzijn", "agenda/vrijwilligersmarkt"]),
    # odd jobs and repairs
    ("klusjes", ODD_JOBS),
    ("klussen", ODD_JOBS),
    ("fiets repareren", ["titel:Wie plakt mijn fietsband?", "agenda/repaircafe"]),
    ("fietsband plakken", ["titel:Wie plakt mijn fietsband?"]),
    # children and family
    ("speelotheek", TOYS),
    ("speelgoed lenen", TOYS),
    ("opvoeding", UPBRINGING),
    ("opvoeden", UPBRINGING),
    ("kinderen", ["onderwerp:kinderen-gezin", "onderwerp:kinderen"]),
    ("huiswerk", ["agenda/huiswerkklas", "titel:Hulp bij huiswerk rekenen"]),
    ("oppas", ["titel:Oppas voor woensdagavond"]),
    ("voorlezen", ["agenda/voorleesuurtje", "titel:Voorlezen en samen lezen"]),
    # language
    ("taallessen", LANGUAGE),
    ("taalles", LANGUAGE),
    ("taalcafe", ["agenda/taalcafe"]),
    ("nederlands leren", LANGUAGE),
    # digital help
    ("computer", DIGITAL),
    ("digid", ["agenda/digid-hulp", "agenda/digicafe"]),
    ("smartphone", DIGITAL),
    ("hulp bij mijn telefoon", DIGITAL),
    ("formulieren", LETTERS),
    ("brief van de gemeente", LETTERS),
    # safety
    ("inbraak", SAFETY),
    ("buurtpreventie", SAFETY),
    ("wijkagent", ["organisaties/wijkagent", "agenda/inloop-wijkagent"]),
    ("politie", SAFETY),
    # housing
    ("huur", HOUSING),
    ("huurachterstand", HOUSING + MONEY),
    ("reparatie huurhuis", HOUSING),
    # moving and outdoors
    ("wandelen", WALKING),
    ("wandlen", WALKING),
    ("wandelroute", ["agenda/beweegroute", "verhalen/wandelen-met-het-sec"]),
    ("bewegen voor ouderen", ["agenda/bewegen-voor-ouderen"]),
    (
        "moestuin",
        ["agenda/tuinieren", "titel:Onze moestuinbakken aan de Kastanjelaan", "titel:Moestuinbakken bouwen"],
    ),
    # food and errands
    ("samen eten", ["agenda/samen-eten", "titel:Samen koken en eten op vrijdag"]),
    ("boodschappen", ["titel:Wie doet boodschappen met mij?", "titel:Ik doe graag boodschappen voor u"]),
    (
        "vervoer naar het ziekenhuis",
        ["titel:Mee naar het ziekenhuis in Oss", "titel:Rijden naar de dokter of het ziekenhuis"],
    ),
    ("kleding ruilen", ["agenda/kleding-ruilbeurs"]),
    # the district's own places and organisations
    (
        "ons huis van de wijk",
        ["organisaties/ons-huis-van-de-wijk", "verhalen/ons-huis-van-de-wijk-zeven-dagen-open"],
    ),
    ("iemhof", ["organisaties/dn-iemhof"]),
    ("rucrea", ["organisaties/rucrea"]),
    ("wijkraad", ["organisaties/wijkraad", "agenda/wijkraad-vergadering"]),
    ("sec", ["organisaties/sec", "agenda/inloop-sec", "verhalen/wandelen-met-het-sec"]),
    ("ons welzijn", ["organisaties/ons-welzijn"]),
]


def is_target(hit, target: str) -> bool:
    kind, _, value = target.partition(":")
    if kind == "titel":
        return hit.title == value
    if kind == "soort":
        return hit.doc_type == value
    if kind == "onderwerp":
        return hit.category == value
    return hit.url.rstrip("/").endswith("/" + target)


def first_match(hits, targets: list[str]) -> int:
    """The 1-based rank of the first hit a resident hoped for; 0 when none is among the hits."""
    for rank, hit in enumerate(hits, start=1):
        if any(is_target(hit, target) for target in targets):
            return rank
    return 0
