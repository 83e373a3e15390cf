"""Admin: the statistics page (chart, most-read articles, satisfaction, CSV), starting figure, ratings.

Each is the unit's whose host the admin is opened on; the province's page also shows the figures of
every unit below it, so that the province sees its communes' portals at a glance.
"""

import csv
import datetime

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stats import services
from stats.charts import bar_chart, daily_series
from stats.models import ArticleDailyViews, DailyStats, Feedback, StatsSettings
from units.admin import UnitOwnedAdmin
from units.models import Unit

TOP_ARTICLES = 10


def most_read(*, unit, since):
    """The unit's articles with most counted views since a day, with their titles, in two queries."""
    rows = list(
        ArticleDailyViews.objects.filter(article__unit=unit, day__gte=since)
        .values("article_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "article_id")[:TOP_ARTICLES]
    )
    Article = apps.get_model("articles", "Article")
    articles = Article.objects.in_bulk([row["article_id"] for row in rows])
    return [(articles.get(row["article_id"]), row["total"]) for row in rows if row["article_id"] in articles]


def satisfaction_by_page_and_month(*, unit, since):
    """The unit's yes/no answers per page and month, newest month first, with the pages fetched per content type."""
    rows = list(
        Feedback.objects.of(unit)
        .filter(day__gte=since)
        .annotate(month=TruncMonth("day"))
        .values("content_type", "object_id", "month")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by("-month", "-yes", "object_id")[:200]
    )
    pages = {}
    for content_type_id in {row["content_type"] for row in rows}:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        ids = [row["object_id"] for row in rows if row["content_type"] == content_type_id]
        if model is not None:
            for pk, obj in model._default_manager.in_bulk(ids).items():
                pages[(content_type_id, pk)] = obj
    for row in rows:
        row["page"] = pages.get((row["content_type"], row["object_id"]))
        answers = row["yes"] + row["no"]
        row["percent"] = round(100 * row["yes"] / answers) if answers else 0
    return rows


def units_below(province):
    """The province and every unit below it, the province first, then in the units' order; one query."""
    children = {}
    for unit in Unit.objects.all():
        children.setdefault(unit.parent_id, []).append(unit)
    below, waiting = [province], [province.pk]
    while waiting:
        found = children.get(waiting.pop(0), [])
        below += found
        waiting += [unit.pk for unit in found]
    return below


def figures_by_unit(province):
    """Each unit's figures under the province, and their sum: the province's table of its units' portals."""
    units = units_below(province)
    figures = services.figures_of([unit.pk for unit in units])
    rows = [(unit, figures[unit.pk]) for unit in units]
    total = {name: sum(row[name] for _unit, row in rows) for name in services.FIGURE_NAMES}
    return rows, total


@admin.register(DailyStats)
class DailyStatsAdmin(admin.ModelAdmin):
    """“Thống kê truy cập”: the list page is the dashboard; figures are only ever written by counting."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("csv/", self.admin_site.admin_view(self.csv_view), name="stats_dailystats_csv"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)
        unit = request.unit
        today = timezone.localdate()
        year_ago = today - datetime.timedelta(days=364)
        rows = list(DailyStats.objects.of(unit).since(year_ago).values_list("day", "visits"))
        charts = [
            (_("30 ngày qua"), bar_chart(daily_series(rows, start=today - datetime.timedelta(days=29), end=today))),
            (_("365 ngày qua"), bar_chart(daily_series(rows, start=year_ago, end=today))),
        ]
        units, units_total = figures_by_unit(unit) if unit.is_province else (None, None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Thống kê truy cập"),
            "unit": unit,
            # The province's own figures are the first row of its table: no second computation.
            "figures": units[0][1] if units else services.compute_figures(unit),
            "units": units,
            "units_total": units_total,
            "charts": charts,
            "most_read_week": most_read(unit=unit, since=services.week_start(today)),
            "most_read_month": most_read(unit=unit, since=today.replace(day=1)),
            "satisfaction": satisfaction_by_page_and_month(
                unit=unit, since=(today - datetime.timedelta(days=365)).replace(day=1)
            ),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "stats/admin/dashboard.html", context)

    def csv_view(self, request):
        """Every day's figures of the unit as CSV, oldest first, for a spreadsheet."""
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        views_by_day = dict(
            ArticleDailyViews.objects.filter(article__unit=request.unit)
            .values("day")
            .annotate(total=Sum("views"))
            .values_list("day", "total")
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="thong-ke-truy-cap.csv"'
        response.write("\ufeff")  # so that Excel reads the Vietnamese header as UTF-8
        writer = csv.writer(response)
        writer.writerow([_("Ngày"), _("Lượt truy cập"), _("Lượt xem tin bài")])
        days = DailyStats.objects.of(request.unit).order_by("day").values_list("day", "visits")
        for day, visits in days.iterator():
            writer.writerow([day.isoformat(), visits, views_by_day.get(day, 0)])
        return response


@admin.register(StatsSettings)
class StatsSettingsAdmin(UnitOwnedAdmin):
    """The unit's one record of counter settings: the list opens it, created with the defaults on first visit."""

    fields = ["starting_total"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)
        settings = StatsSettings.objects.of(request.unit)
        return HttpResponseRedirect(reverse("admin:stats_statssettings_change", args=[settings.pk]))


@admin.register(Feedback)
class FeedbackAdmin(UnitOwnedAdmin):
    """The unit's satisfaction answers: comments wait here until an editor approves them."""

    list_display = ["page_title", "useful", "short_comment", "approved", "day"]
    # Only the kinds of page that have feedback: every content type (sessions, counters) otherwise.
    list_filter = [
        "useful",
        "approved",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("day", admin.DateFieldListFilter),
    ]
    date_hierarchy = "day"
    search_fields = ["comment"]
    actions = ["approve"]
    fields = ["page_title", "useful", "comment", "approved", "day", "created_at"]
    readonly_fields = ["page_title", "useful", "comment", "day", "created_at"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("page")

    @admin.display(description=_("trang"))
    def page_title(self, obj):
        return str(obj.page) if obj.page is not None else "—"

    @admin.display(description=_("góp ý"))
    def short_comment(self, obj):
        return obj.comment[:80] + ("…" if len(obj.comment) > 80 else "")

    @admin.action(description=_("Duyệt góp ý đã chọn"), permissions=["change"])
    def approve(self, request, queryset):
        count = services.approve_feedback(feedback=queryset)
        self.message_user(
            request,
            ngettext("Đã duyệt %(count)d góp ý.", "Đã duyệt %(count)d góp ý.", count) % {"count": count},
            messages.SUCCESS,
        )
