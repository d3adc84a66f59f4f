"""The query-string filters of /verhalen/: a theme (by its slug) and a Rucreant edition (by its number)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet

from .models import Edition, StoryPage, Theme


class EditionNumberField(forms.ModelChoiceField):
    """An edition by its number; only plain, short numbers reach the database."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value)
        if not (text.isascii() and text.isdigit()) or len(text) > 6:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class EditionFilter(django_filters.ModelChoiceFilter):
    field_class = EditionNumberField


class StoryFilterSet(QueryFilterSet):
    thema = django_filters.ModelChoiceFilter(
        field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    editie = EditionFilter(field_name="edition", queryset=Edition.objects.all(), to_field_name="number")

    class Meta:
        model = StoryPage
        fields: list[str] = []

    unknown_messages = {
        "thema": _("Dit thema kennen we niet. U ziet alle verhalen."),
        "editie": _("Deze Rucreant kennen we niet. U ziet verhalen uit alle edities."),
    }
