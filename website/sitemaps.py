"""Sitemap of the simple pages written by administrators."""

from django.contrib.sitemaps import Sitemap

from website.models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Page.objects.published().order_by("pk")
