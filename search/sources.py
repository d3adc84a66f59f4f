"""What is searchable, and how each kind of object becomes a SearchDocument.

Each source names a model and the selector of its app that returns what an anonymous visitor may see
(the contract between the content apps and search). A source whose app is not installed or has no
such model yet is left out, so search works with whatever exists.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.html import strip_tags
from django.utils.module_loading import import_string

from .documents import SearchDocument
from .models import DocType


@dataclass(frozen=True)
class Source:
    label: str  # "<app_label>.<model_name>"
    selector: str  # dotted path of the public_* selector
    to_document: Callable[[Model], SearchDocument]
    dates: str = ""  # dotted path of a selector: pks -> {pk: its next date (.start, .end)}, read when shown

    def next_dates(self, pks) -> dict[str, tuple[datetime, datetime]]:
        if not self.dates:
            return {}
        return {str(pk): (date.start, date.end) for pk, date in import_string(self.dates)(pks).items()}

    @property
    def model(self) -> type[Model] | None:
        try:
            return apps.get_model(self.label)
        except LookupError:
            return None

    def public_queryset(self) -> QuerySet:
        return import_string(self.selector)()

    def public_documents(self) -> Iterator[SearchDocument]:
        for obj in self.public_queryset().iterator(chunk_size=500):
            yield self.to_document(obj)


@cache
def _category_names() -> dict[str, dict]:
    """Per type of hit, its categories by value with their (translatable) names."""
    from activities.models import Category as ActivityCategory
    from marketplace.models import Category as ListingCategory
    from organisations.models import HelpTopic

    return {
        DocType.ACTIVITY: dict(ActivityCategory.choices),
        DocType.LISTING: dict(ListingCategory.choices),
        DocType.ORGANISATION: dict(HelpTopic.choices),
    }


def category_label(category: str, *, doc_type: str = "", stored: str = "") -> str:
    """A category's name in the language of the page (the index keeps the name of when it was written).
    A story's theme has a name of its own and keeps it; so does a category no model knows (any more)."""
    names = _category_names()
    for kind in [doc_type] if doc_type else list(names):
        if category in names.get(kind, {}):
            return str(names[kind][category])
    return stored


def _text(*parts) -> str:
    return "\n".join(strip_tags(str(p)) for p in parts if p)


def _display(obj, name: str) -> str:
    method = getattr(obj, f"get_{name}_display", None)
    return str(method()) if method else str(getattr(obj, name, "") or "")


def _stream_text(value) -> list[str]:
    """Every piece of text in a StreamField's raw data, however deeply nested."""
    found: list[str] = []
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"id", "type"}:
                found.extend(_stream_text(item))
    elif isinstance(value, list | tuple):
        for item in value:
            found.extend(_stream_text(item))
    return found


def activity_document(activity) -> SearchDocument:
    is_walk_in = getattr(activity, "kind", "") == "walk_in"
    organisation = getattr(activity, "organisation", None)
    location = getattr(activity, "location", None)
    place = organisation.name if organisation else ""
    return SearchDocument.of(
        activity,
        doc_type=DocType.WALK_IN if is_walk_in else DocType.ACTIVITY,
        title=activity.title,
        url=activity.get_absolute_url(),
        summary=strip_tags(activity.summary or "")[:300],
        text=_text(
            activity.description,
            getattr(activity, "topic", ""),
            organisation and organisation.name,
            location and location.name,
        ),
        category=activity.category or "",
        category_label=_display(activity, "category"),
        facets={"meta": " · ".join(dict.fromkeys(p for p in (place, location and location.name) if p))},
    )


def listing_document(listing) -> SearchDocument:
    return SearchDocument.of(
        listing,
        doc_type=DocType.LISTING,
        title=listing.title,
        url=listing.get_absolute_url(),
        summary=strip_tags(listing.text or "")[:200],
        text=_text(listing.text, getattr(listing, "area", ""), _display(listing, "kind")),
        category=listing.category or "",
        category_label=_display(listing, "category"),
        facets={"kind": listing.kind, "meta": _display(listing, "kind")},
    )


def story_document(page) -> SearchDocument:
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or []
    return SearchDocument.of(
        page,
        doc_type=DocType.STORY,
        title=page.title,
        url=page.get_url() or page.url_path,
        summary=strip_tags(getattr(page, "intro", "") or "")[:300],
        text=_text(*_stream_text(list(raw)), getattr(page, "author_name", "")),
        facets={"meta": getattr(page, "author_name", "")},
    )


def organisation_document(organisation) -> SearchDocument:
    topics = list(organisation.help_topics or [])
    labels = organisation.topic_labels()
    return SearchDocument.of(
        organisation,
        doc_type=DocType.ORGANISATION,
        title=organisation.name,
        url=organisation.get_absolute_url(),
        summary=organisation.summary,
        text=_text(organisation.helps_with, " ".join(labels)),
        category=topics[0] if topics else "",
        category_label=labels[0] if labels else "",
        facets={"topics": topics, "meta": ", ".join(labels[1:3])},
    )


ALL_SOURCES = (
    Source(
        "activities.activity",
        "activities.selectors.public_activities",
        activity_document,
        dates="activities.selectors.next_dates",
    ),
    Source("marketplace.listing", "marketplace.selectors.public_listings", listing_document),
    Source("stories.storypage", "stories.selectors.public_stories", story_document),
    Source("organisations.organisation", "organisations.selectors.organisation_list", organisation_document),
)


def available_sources() -> list[Source]:
    return [source for source in ALL_SOURCES if source.model is not None]


def source_for_label(label: str) -> Source | None:
    return next((s for s in available_sources() if s.label == label), None)
