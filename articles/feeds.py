"""RSS feeds of published news: all of it, and one per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    """The newest published articles of the portal."""

    link = "/tin-tuc/"
    description = _("Tin bài mới nhất")

    def __call__(self, request, *args, **kwargs):
        self.unit = request.unit
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.unit.name

    def items(self):
        return (
            Article.objects.of(self.unit)
            .published()
            .select_related("category")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.name]


class CategoryFeed(LatestArticlesFeed):
    """The newest published articles of one category."""

    def get_object(self, request, slug):
        return get_object_or_404(Category.objects.of(request.unit), slug=slug)

    def title(self, obj):
        return f"{obj.name} | {self.unit.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.name

    def items(self, obj):
        articles = Article.objects.published().in_category(obj).select_related("category")
        return articles.order_by("-published_at", "-pk")[:FEED_SIZE]
