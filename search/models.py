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
    # Derived columns (core.text): folded title for suggestions and names; Snowball stems of the title,
    # of every whole word, and of compound parts, for scoring; the tsvector on PostgreSQL.
    title_folded = models.CharField(max_length=300, blank=True)
    title_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    part_terms = models.TextField(blank=True)
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


def query_key(query: str) -> str:
    """The stems of a query in a fixed order: 'Schulden' and 'schuld' give the same key."""
    from core.text import analyse

    return " ".join(sorted(set(analyse(query).stems)))


def _pinned(to: str, verbose_name) -> models.ForeignKey:
    """What a promotion may pin; the promotion goes when the pinned thing is deleted."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )


class Promotion(models.Model):
    """An editor pins a result to a query: who searches 'schulden' sees the walk-in hour first.

    The target is an activity or walk-in hour, an organisation or a page (a story); it is shown only
    while a visitor may see it.
    """

    query = models.CharField(
        _("zoekvraag"),
        max_length=100,
        help_text=_("Wat bewoners typen, bijvoorbeeld: schulden. Meervoud en hoofdletters maken niet uit."),
    )
    query_key = models.CharField(max_length=200, editable=False, db_index=True)
    activity = _pinned("activities.Activity", _("activiteit of inloopspreekuur"))
    organisation = _pinned("organisations.Organisation", _("organisatie"))
    page = _pinned("wagtailcore.Page", _("pagina of verhaal"))
    note = models.CharField(
        _("toelichting"),
        max_length=200,
        blank=True,
        help_text=_("Korte zin boven het resultaat, bijvoorbeeld: Hier kunt u zonder afspraak terecht."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("uitgelicht zoekresultaat")
        verbose_name_plural = _("uitgelichte zoekresultaten")
        ordering = ["query_key", "sort_order", "id"]

    def __str__(self) -> str:
        return f"{self.query} → {self.target_label()}"

    def save(self, *args, **kwargs):
        self.query_key = query_key(self.query)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        chosen = [t for t in (self.activity_id, self.organisation_id, self.page_id) if t]
        if len(chosen) != 1:
            raise ValidationError(
                _("Kies precies één resultaat: een activiteit, een organisatie of een pagina.")
            )
        if not query_key(self.query):
            raise ValidationError({"query": _("Typ een zoekvraag met minstens één gewoon woord.")})

    def target_key(self) -> str:
        """The search key of the pinned thing: '<app_label>.<model>:<pk>'."""
        if self.activity_id:
            return f"activities.activity:{self.activity_id}"
        if self.organisation_id:
            return f"organisations.organisation:{self.organisation_id}"
        if self.page_id:
            model = self.page.specific_class or type(self.page)
            return f"{model._meta.label_lower}:{self.page_id}"
        return ""

    def target_label(self) -> str:
        target = self.activity or self.organisation or self.page
        return str(target) if target else "-"
