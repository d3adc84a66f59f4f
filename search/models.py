from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocType(models.TextChoices):
    """The kinds of result, in the order the results page shows them."""

    ACTIVITY = "activity", _("Activiteiten")
    WALK_IN = "walk_in", _("Inloopspreekuren")
    LISTING = "listing", _("Vraag en aanbod")
    STORY = "story", _("Verhalen")
    ORGANISATION = "organisation", _("Organisaties")


class SearchEntry(models.Model):
    """One searchable object as the database backend sees it; filled by the same path as Elasticsearch.

    Only what an anonymous visitor may see is ever written here (search/indexing.py).
    """

    key = models.CharField(max_length=80, unique=True)  # "<app_label>.<model>:<pk>"
    doc_type = models.CharField(max_length=20, choices=DocType.choices, db_index=True)
    object_id = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    summary = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    category = models.CharField(max_length=60, blank=True, db_index=True)
    category_label = models.CharField(max_length=120, blank=True)
    facets = models.JSONField(default=dict, blank=True)
    # Derived columns: folded title for suggestions, stemmed words for matching, tsvector on PostgreSQL.
    title_folded = models.CharField(max_length=300, blank=True)
    terms = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekregel")
        verbose_name_plural = _("zoekregels")
        ordering = ["doc_type", "title"]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()}: {self.title}"


class SearchWord(models.Model):
    """Every word that occurs in the index (folded, not stemmed): the vocabulary for spelling mistakes.

    On PostgreSQL a trigram index on `word` finds the words nearest to a misspelt one (pg_trgm);
    elsewhere the same list is compared by edit distance. Words are added as documents are indexed
    and cleared by a rebuild; a word that no longer occurs only costs a query that finds nothing.
    """

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self) -> str:
        return self.word


# The trigram lookup for the database backend on PostgreSQL, on this one field only
# (django.contrib.postgres is not an installed app, so it registers no lookups globally).
SearchWord._meta.get_field("word").register_lookup(TrigramSimilar)
