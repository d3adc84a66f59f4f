"""Load the demo content of demo/data/*.toml through the apps' models and services.

Dates are relative to `today`. Idempotent: rows are found by their natural key (slug, e-mail, title)
and refreshed, never added twice. Each part runs in its own transaction, in the order of the apps'
dependencies. Made-up content sends no mail: background tasks run at once, with a mail backend that
drops every message.
"""

import datetime as dt
import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import RichText

from accounts.models import User
from accounts.services import create_user, set_roles
from activities.attendance import attend
from activities.models import Activity, Location
from activities.recurrence import localize
from activities.services import materialise_occurrences
from home.services import ensure_home_page, ensure_root_collection
from marketplace.models import LIFETIME, Conversation, FollowUp, Listing, MatchPreference, Message, Response
from notices.models import NOTICE_LIFETIME, Membership, Notice, PreventionGroup
from organisations.models import Organisation
from organisations.services import add_member
from search.indexing import rebuild_index
from stories.models import Edition, StoryIndexPage, StoryPage, Theme
from stories.services import submit_story

from . import illustrations

DATA = Path(__file__).resolve().parent / "data"
#: How long the demo's series have run: their dates of the last quarter count as held on /impact/. An even
#: number of weeks, so a series every other week keeps this week's date.
HISTORY = dt.timedelta(weeks=14)
WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
REPEATS = {
    "weekly": "FREQ=WEEKLY;BYDAY={day}",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
    "monthly": "FREQ=MONTHLY;BYDAY=+2{day}",
}
STAFF_ROLES = {"redactie", "moderator"}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@cache
def data(name: str) -> dict:
    """The parsed content of demo/data/<name>.toml."""
    with (DATA / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def accounts() -> list[dict]:
    return data("accounts")["accounts"]


def password() -> str:
    return data("accounts")["password"]


def load(*, today: dt.date, stdout) -> None:
    """Load every part of the demo, then rebuild the search index from it."""
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend", TASKS=IMMEDIATE_TASKS
    ):
        for part in (
            load_accounts,
            load_organisations,
            load_notices,
            load_home,
            load_activities,
            load_marketplace,
            load_stories,
            load_search_index,
        ):
            with transaction.atomic():
                part(today=today, stdout=stdout)


def print_logins(stdout) -> None:
    stdout.write(f"  Demo accounts (password for all: {password()}):")
    for account in accounts():
        stdout.write(f"    {account['email']:<28} {account['label']}")


def _user(email: str):
    return User.objects.get(email=email)


def _at_ten(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def load_accounts(*, today, stdout) -> None:
    for account in accounts():
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            create_user(
                email=account["email"],
                password=password(),
                display_name=account["name"],
                role_names=tuple(account["roles"]),
                verified=True,
                is_staff=bool(set(account["roles"]) & STAFF_ROLES),
            )
        else:
            set_roles(user=user, role_names=tuple(account["roles"]))
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
    stdout.write(f"  accounts: {len(accounts())} demo accounts")


def load_organisations(*, today, stdout) -> None:
    items = data("organisations")["organisations"]
    for item in items:
        values = {key: item.get(key, "") for key in ("name", "kind", "summary", "helps_with")}
        values.update(
            {key: item[key] for key in ("address", "phone", "website", "opening_hours") if key in item}
        )
        organisation, _created = Organisation.objects.update_or_create(
            slug=item["slug"], defaults={**values, "help_topics": list(item["topics"])}
        )
        if "admin" in item:
            add_member(organisation=organisation, user=_user(item["admin"]), role="admin")
    stdout.write(f"  organisations: {len(items)}")


def load_notices(*, today, stdout) -> None:
    content = data("notices")
    groups = {}
    for item in content["groups"]:
        values = {key: value for key, value in item.items() if key != "slug"}
        groups[item["slug"]], _created = PreventionGroup.objects.update_or_create(
            slug=item["slug"], defaults=values
        )
    now = timezone.now()
    for member in content["members"]:
        values = {"role": member["role"], "status": member["status"]}
        if member["status"] == "approved":
            values["approved_at"] = now
        Membership.objects.update_or_create(
            group=groups[member["group"]], user=_user(member["email"]), defaults=values
        )
    for notice in content["notices"]:
        created = now - dt.timedelta(hours=notice["hours_ago"])
        Notice.objects.update_or_create(
            group=groups[notice["group"]],
            text=notice["text"],
            defaults={
                "author": _user(notice["author"]),
                "level": notice["level"],
                "street": notice.get("street", ""),
                "created_at": created,
                "expires_at": created + NOTICE_LIFETIME,
            },
        )
    stdout.write(f"  notices: {len(content['groups'])} prevention groups, {len(content['notices'])} notices")


def load_home(*, today, stdout) -> None:
    ensure_root_collection()
    home = ensure_home_page()
    stdout.write(f"  home: {home.title}")


def _first_start(today: dt.date, item: dict) -> dt.datetime:
    """The first start of an activity: in_days from today, or this week's weekday (from yesterday on)."""
    if "in_days" in item:
        first = today + dt.timedelta(days=item["in_days"])
    else:
        first = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=WEEKDAYS[item["weekday"]])
        if first < today - dt.timedelta(days=1):
            first += dt.timedelta(days=7)
    return localize(dt.datetime.combine(first, dt.time.fromisoformat(item["start"])))


def _duration(item: dict) -> dt.timedelta:
    start, end = dt.time.fromisoformat(item["start"]), dt.time.fromisoformat(item["end"])
    return dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)


def _rrule(item: dict) -> str:
    return REPEATS[item["repeats"]].format(day=item["weekday"]) if "repeats" in item else ""


def load_activities(*, today, stdout) -> None:
    agenda, walk_ins = data("activities"), data("walk_ins")
    locations = {}
    for item in agenda["locations"]:
        locations[item["slug"]], _created = Location.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "address": item["address"],
                "is_accessible": item["accessible"],
                "accessibility_notes": item.get("accessibility_notes", ""),
                "map_url": "https://www.openstreetmap.org/search?query=" + item["address"].replace(" ", "+"),
                "latitude": Decimal(str(item["latitude"])) if "latitude" in item else None,
                "longitude": Decimal(str(item["longitude"])) if "longitude" in item else None,
            },
        )
    organisations = {o.slug: o for o in Organisation.objects.all()}
    owner = _user("professional@example.org")
    now = timezone.now()

    def common(item: dict) -> dict:
        return {
            "title": item["title"],
            "summary": item["summary"],
            "category": item["category"],
            "location": locations[item["location"]],
            "organisation": organisations.get(item.get("organisation")),
            "starts_at": _first_start(today, item),
            "duration": _duration(item),
            "status": "published",
            "confirmed_at": now,
            "reminder_sent_at": None,
            "ends_on": None,
            "exdates": [],
        }

    coming = {item["slug"]: item.get("coming", []) for item in agenda["activities"]}
    rows = []
    for item in agenda["activities"]:
        values = common(item)
        values.update(
            kind="activity",
            audiences=list(item["audiences"]),
            rrule=_rrule(item),
            cost=Decimal(item["cost"]) if "cost" in item else None,
            max_places=item.get("max_places"),
            guests_may_sign_up=item.get("guests_may_sign_up", False),
            description=item["summary"] + " Loop gerust eens binnen, u bent van harte welkom.",
        )
        rows.append((item["slug"], values))
    for item in walk_ins["walk_ins"]:
        values = common(item)
        values.update(
            kind="walk_in",
            topic=item["topic"],
            audiences=["iedereen"],
            rrule=_rrule({"repeats": "weekly", **item}),
            what_to_bring=item.get("what_to_bring", ""),
            no_appointment_needed=True,
            cost=None,
            description=item["summary"] + " U hoeft geen afspraak te maken.",
        )
        rows.append((item["slug"], values))
    for slug, values in rows:
        if values["rrule"]:  # a series has run for a quarter already, so the impact page has dates held
            local = timezone.localtime(values["starts_at"])  # the same wall-clock time, across summer time
            values["starts_at"] = localize(dt.datetime.combine(local.date() - HISTORY, local.time()))
        activity, created = Activity.objects.get_or_create(slug=slug, defaults={**values, "owner": owner})
        if not created:
            for name, value in values.items():
                setattr(activity, name, value)
            activity.save()
        if values["rrule"]:
            Activity.objects.filter(pk=activity.pk).update(
                created_at=values["starts_at"] - dt.timedelta(days=1)
            )
            materialise_occurrences(activity=activity, start=values["starts_at"])
        else:
            materialise_occurrences(activity=activity)
        next_date = activity.occurrences.upcoming().order_by("start").first()
        for email in coming.get(slug, []) if next_date else []:
            attend(occurrence=next_date, user=_user(email))
    for item in walk_ins["proposals"]:
        if not Activity.objects.filter(slug=item["slug"]).exists():
            Activity.objects.create(
                slug=item["slug"],
                title=item["title"],
                summary=item["summary"],
                category=item["category"],
                audiences=list(item["audiences"]),
                location=locations[item["location"]],
                owner=_user(item["owner"]),
                starts_at=_first_start(today, item),
                duration=_duration(item),
                status="pending",
            )
    stdout.write(
        f"  activities: {len(agenda['activities'])} activities, {len(walk_ins['walk_ins'])} walk-in hours, "
        f"{len(agenda['locations'])} locations"
    )


def load_marketplace(*, today, stdout) -> None:
    content = data("marketplace")
    listings = {}
    for item in content["listings"]:
        created = _at_ten(today - dt.timedelta(days=item["days_ago"]))
        values = {
            "kind": item["kind"],
            "category": item["category"],
            "area": item["area"],
            "when": item["when"],
            "text": item["text"],
            "created_at": created,
            "shown_at": created,
            "expires_at": created + LIFETIME,
            "is_pending": False,
        }
        if "on_behalf_name" in item:
            values.update(on_behalf_name=item["on_behalf_name"], consent_at=created)
        listings[item["title"]], _created = Listing.objects.update_or_create(
            owner=_user(item["owner"]), title=item["title"], defaults=values
        )
    for item in content["conversations"]:
        listing = listings[item["listing"]]
        response, _created = Response.objects.get_or_create(
            listing=listing, responder=_user(item["responder"])
        )
        conversation, _created = Conversation.objects.get_or_create(response=response)
        if not conversation.messages.exists():
            start = listing.created_at + dt.timedelta(hours=3)
            for index, message in enumerate(item["messages"]):
                Message.objects.create(
                    conversation=conversation,
                    author=_user(message["author"]),
                    text=message["text"],
                    created_at=start + dt.timedelta(hours=index),
                )
            conversation.updated_at = start + dt.timedelta(hours=len(item["messages"]))
            conversation.save(update_fields=["updated_at"])
        if item["status"] != "open" and not response.accepted_at:
            response.accepted_at = listing.created_at + dt.timedelta(days=1)
            response.save(update_fields=["accepted_at"])
        if item["status"] == "klaar":
            # Both said it is done and answered "Is het gelukt?": the loop closed.
            done_at = response.accepted_at + dt.timedelta(days=2)
            asked_at = response.accepted_at + dt.timedelta(days=7)
            Response.objects.filter(pk=response.pk).update(
                owner_done_at=done_at,
                owner_thanks=item["owner_thanks"],
                responder_done_at=done_at,
                responder_thanks=item["responder_thanks"],
                follow_up_sent_at=asked_at,
            )
            for user in (listing.owner, response.responder):
                FollowUp.objects.update_or_create(
                    response=response,
                    user=user,
                    defaults={
                        "asked_at": asked_at,
                        "answer": "ja",
                        "answered_at": asked_at + dt.timedelta(hours=2),
                    },
                )
        Listing.objects.filter(pk=listing.pk).update(status=item["status"])
    for item in content["match_preferences"]:
        MatchPreference.objects.update_or_create(
            user=_user(item["email"]),
            defaults={key: item[key] for key in ("notify", "categories", "area", "digest")},
        )
    stdout.write(
        f"  marketplace: {len(content['listings'])} asks and offers, "
        f"{len(content['conversations'])} conversations"
    )


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


def _story_index():
    index = StoryIndexPage.objects.first()
    if index is None:
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=StoryIndexPage(title="Verhalen uit de wijk", slug="verhalen"))
    return index


def _story_body(item: dict) -> list:
    paragraphs = [("paragraph", RichText(f"<p>{text}</p>")) for text in item["paragraphs"]]
    quote = item.get("quote")
    if quote:
        return [paragraphs[0], ("quote", {"text": quote, "attribution": item["author"]}), *paragraphs[1:]]
    return paragraphs


def load_stories(*, today, stdout) -> None:
    content = data("stories")
    index = _story_index()
    themes = {
        item["slug"]: Theme.objects.update_or_create(slug=item["slug"], defaults={"name": item["name"]})[0]
        for item in content["themes"]
    }
    editions = {}
    for item in content["editions"]:
        number = item["number"]
        cover = _image(
            title=f"Omslag Rucreant {number}",
            content=illustrations.cover_png(number, item["colour"]),
            filename=f"rucreant-{number}.png",
            alt=f"Omslag van de Rucreant nummer {number}.",
        )
        pdf = _document(
            title=f"Rucreant {number} (pdf)",
            content=illustrations.cover_pdf(number, item["colour"]),
            filename=f"rucreant-{number}.pdf",
        )
        editions[number], _created = Edition.objects.update_or_create(
            number=number,
            defaults={
                "published_on": today - dt.timedelta(days=item["days_ago"]),
                "cover": cover,
                "cover_alt": f"Omslag van de Rucreant nummer {number}, met de titel in wit.",
                "pdf": pdf,
            },
        )
    editor = _user(content["editor"])
    created = 0
    for item in content["stories"]:
        if StoryPage.objects.filter(slug=item["slug"]).exists():
            continue
        image = _image(
            title=item["title"],
            content=illustrations.illustration(item["motif"]),
            filename=f"{item['slug']}.png",
            alt=item["alt"],
        )
        story = StoryPage(
            title=item["title"],
            slug=item["slug"],
            intro=item["intro"],
            body=_story_body(item),
            hero_image=image,
            hero_alt=item["alt"],
            author_name=item["author"],
            editor=editor,
            edition=editions[item["edition"]],
            owner=editor,
        )
        story.themes.set([themes[slug] for slug in item["themes"]])
        index.add_child(instance=story)
        # The loader acts as the site itself: no permission check (the tree may be fresh).
        story.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
        published_at = _at_ten(today - dt.timedelta(days=item["days_ago"]))
        StoryPage.objects.filter(pk=story.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        created += 1
    for item in content["submissions"]:
        author = _user(item["author"])
        if not StoryPage.objects.filter(submitted_by=author, title=item["title"]).exists():
            submit_story(
                author=author, index=index, title=item["title"], text=item["text"], publication_consent=True
            )
    stdout.write(
        f"  stories: {created} new stories, {len(content['editions'])} Rucreant editions, "
        f"{len(content['submissions'])} waiting for the editors"
    )


def load_search_index(*, today, stdout) -> None:
    counts = rebuild_index()
    stdout.write("Search index: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
