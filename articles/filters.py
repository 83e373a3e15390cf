"""Filters of the public news list: category and a date range, with Vietnamese messages."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_ERROR = _("Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 13/10/2026.")


class ArticleFilter(django_filters.FilterSet):
    """Category, from date and to date; a bad value is reported, never a server error (made with the request)."""

    category = django_filters.ModelChoiceFilter(
        label=_("Chuyên mục"),
        # The request's unit's categories: another unit's are neither offered nor accepted (slugs repeat).
        queryset=lambda request: Category.objects.of(request.unit),
        to_field_name="slug",
        empty_label=_("Tất cả chuyên mục"),
        error_messages={"invalid_choice": _("Không có chuyên mục này.")},
    )
    from_date = django_filters.DateFilter(
        label=_("Từ ngày"),
        field_name="published_at",
        lookup_expr="date__gte",
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    to_date = django_filters.DateFilter(
        label=_("Đến ngày"),
        field_name="published_at",
        lookup_expr="date__lte",
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = Article
        fields = ["category", "from_date", "to_date"]

    def filter_queryset(self, queryset):
        """Apply only the fields that are valid: a bad date leaves the list unfiltered by it."""
        cleaned = getattr(self.form, "cleaned_data", {})
        for name, value in cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset
