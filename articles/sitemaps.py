"""Sitemaps of published articles and of categories (wired at /sitemap.xml in portal/urls.py)."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article, Category


class ArticleSitemap(Sitemap):
    """Every article the public can read; nothing drafted, pending, withdrawn or scheduled."""

    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    """The category pages."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.order_by("order", "pk")
