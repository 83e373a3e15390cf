"""The sitemap section of a unit's published documents (wired at /sitemap.xml in portal/urls.py)."""

from documents.models import Document
from units.sitemaps import UnitSitemap


class DocumentSitemap(UnitSitemap):
    """Every document of the unit the public can read; the internal ones are left out."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Document.objects.of(self.unit).published().only("slug", "updated_at").order_by("-issued_on", "-pk")

    def lastmod(self, item):
        return item.updated_at
