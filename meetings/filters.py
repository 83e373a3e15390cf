"""Filters of the public meeting list: year, month, kind and body."""

import django_filters
from django import forms
from django.utils import dates
from django.utils.translation import gettext_lazy as _

from core import generation
from meetings.models import Meeting, body_name

# The years a reader may ask for, in the filter and the weekly schedule.
YEARS = range(1990, 2101)
# Django's month names, translated when drawn: "Tháng 11" in Vietnamese, "November" in English.
MONTHS = list(dates.MONTHS.items())


class MeetingFilter(django_filters.FilterSet):
    """A value that does not fit (year 99999, month 13…) is ignored and shown as an error, never a 500."""

    year = django_filters.NumberFilter(
        field_name="starts_at",
        lookup_expr="year",
        label=_("Năm"),
        min_value=YEARS[0],
        max_value=YEARS[-1],
        decimal_places=0,
        widget=forms.NumberInput(attrs={"min": YEARS[0], "max": YEARS[-1]}),
    )
    month = django_filters.ChoiceFilter(
        field_name="starts_at", lookup_expr="month", label=_("Tháng"), choices=MONTHS, empty_label=_("Cả năm")
    )
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, label=_("Loại"), empty_label=_("Tất cả"))
    body = django_filters.ChoiceFilter(label=_("Cơ quan tổ chức"), empty_label=_("Tất cả"), method="filter_body")

    class Meta:
        model = Meeting
        fields = ["year", "month", "kind", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every public meeting of the unit is read to list the bodies: once per content generation, not per page.
        unit = self.request.unit
        bodies = generation.shared(f"meeting-bodies:{unit.pk}", lambda: public_bodies(unit), seconds=60)
        self.spellings = spellings_by_body(bodies, unit)
        self.filters["body"].extra["choices"] = [(body, body) for body in self.spellings]
        if self.data.get("body"):  # an old address names the body as it was written then (?body=UBND)
            self.data = self.data.copy()
            self.data["body"] = body_name(self.data["body"], unit)

    def filter_body(self, queryset, name, value):
        """The body's meetings under every name it was written with."""
        return queryset.filter(body__in=self.spellings.get(value, [value]))


def spellings_by_body(bodies, unit):
    """{the body's one name: [how its meetings write it]}, in the order of ``bodies``."""
    spellings = {}
    for body in bodies:
        spellings.setdefault(body_name(body, unit), []).append(body)
    return spellings


def public_bodies(unit):
    """The bodies that have held the unit's public meetings, for the filter's choices."""
    return list(Meeting.objects.of(unit).public().order_by("body").values_list("body", flat=True).distinct())
