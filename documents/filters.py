"""Filters of the public document list and its open data: type, field, issuing body, year, validity, words."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import SEARCH_MAX_LENGTH
from core import generation
from documents.models import Document, DocumentType, Field, Validity

# The years a reader may ask for (documents of the old portals go back to the 1990s).
YEARS = range(1945, 2101)


class DocumentFilter(django_filters.FilterSet):
    """Made with the request (its unit); a value that does not fit is ignored and reported, never a 500."""

    q = django_filters.CharFilter(
        label=_("Từ khóa (có dấu hoặc không dấu)"),
        method="filter_words",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX_LENGTH}),
    )
    type = django_filters.ModelChoiceFilter(
        label=_("Loại văn bản"),
        field_name="doc_type",
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        empty_label=_("Tất cả loại"),
        error_messages={"invalid_choice": _("Không có loại văn bản này.")},
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        field_name="fields",
        queryset=Field.objects.all(),
        to_field_name="slug",
        empty_label=_("Tất cả lĩnh vực"),
        error_messages={"invalid_choice": _("Không có lĩnh vực này.")},
    )
    issuer = django_filters.ChoiceFilter(label=_("Cơ quan ban hành"), empty_label=_("Tất cả cơ quan"))
    year = django_filters.NumberFilter(
        field_name="issued_on",
        lookup_expr="year",
        label=_("Năm ban hành"),
        min_value=YEARS[0],
        max_value=YEARS[-1],
        decimal_places=0,
        widget=forms.NumberInput(attrs={"min": YEARS[0], "max": YEARS[-1], "inputmode": "numeric"}),
    )
    validity = django_filters.ChoiceFilter(
        label=_("Hiệu lực"), choices=Validity.choices, method="filter_validity", empty_label=_("Tất cả")
    )

    class Meta:
        model = Document
        fields = ["q", "type", "field", "issuer", "year", "validity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every published document of the unit is read to list the bodies: once per content generation.
        unit = self.request.unit
        issuers = generation.shared(f"document-issuers:{unit.pk}", lambda: public_issuers(unit), seconds=60)
        self.filters["issuer"].extra["choices"] = [(issuer, issuer) for issuer in issuers]

    def filter_words(self, queryset, name, value):
        return queryset.search(value)

    def filter_validity(self, queryset, name, value):
        return queryset.in_validity(value)

    def filter_queryset(self, queryset):
        """Apply only the fields that are valid: a bad year leaves the list unfiltered by it."""
        cleaned = getattr(self.form, "cleaned_data", {})
        for name, value in cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


def public_issuers(unit):
    """The bodies that issued the unit's published documents, for the filter's choices."""
    return list(Document.objects.of(unit).published().issuers())
