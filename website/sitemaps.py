"""Sitemap of a unit's simple pages written by its administrators."""

from units.sitemaps import UnitSitemap
from website.models import Page


class PageSitemap(UnitSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Page.objects.of(self.unit).published().order_by("pk")
