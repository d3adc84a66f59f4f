"""The one shape every backend indexes: a plain record built from a content object."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, kw_only=True)
class _Shown:
    """What a result shows: indexed with the document, read back into the hit."""

    key: str  # "<app_label>.<model>:<pk>", stable over type changes (an activity can become a walk-in)
    doc_type: str
    title: str
    url: str
    summary: str = ""
    category: str = ""
    category_label: str = ""


@dataclass(frozen=True, kw_only=True)
class SearchDocument(_Shown):
    object_id: str
    text: str = ""
    facets: dict = field(default_factory=dict)

    @classmethod
    def of(cls, obj, **fields) -> "SearchDocument":
        """The document of a model instance: its key and id come from the instance."""
        return cls(key=object_key(obj), object_id=str(obj.pk), **fields)


@dataclass(frozen=True, kw_only=True)
class SearchHit(_Shown):
    meta: str = ""  # one line of context: who organises it, vraag or aanbod, who wrote it
    score: float = 0.0
    next_at: datetime | None = None  # an activity's next date, read from its app when shown (not indexed)
    next_end: datetime | None = None

    @property
    def type_label(self) -> str:
        """The kind of result in words (Inloopspreekuren, Organisaties ...), for the mixed top section."""
        from .models import DocType

        return str(DocType(self.doc_type).label) if self.doc_type in DocType.values else ""


@dataclass
class SearchResults:
    hits: list[SearchHit]
    type_counts: dict[str, int]
    category_counts: dict[str, tuple[str, int]]  # key -> (label, count)
    backend: str
    total: int = 0
    corrections: dict[str, str] = field(default_factory=dict)  # unknown word -> the known word searched


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str
    key: str = ""


def object_key(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"
