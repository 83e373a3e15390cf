"""Sitemaps of published articles and of categories (wired at /sitemap.xml in portal/urls.py)."""

from articles.models import Article, Category
from units.sitemaps import UnitSitemap


class ArticleSitemap(UnitSitemap):
    """Every article of the unit the public can read; nothing drafted, pending, withdrawn or scheduled."""

    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return Article.objects.of(self.unit).published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(UnitSitemap):
    """The unit's category pages."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.of(self.unit).order_by("order", "pk")
