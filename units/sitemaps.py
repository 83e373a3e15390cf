"""Sitemaps per unit: each section lists the request's unit's addresses only, on the request's host.

Django's sitemap views take the sections as classes and build them without the request; here they
are built for each request with its unit, and the views add the host themselves (without
``django.contrib.sites`` they name the request's host, through ``RequestSite``).
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views


class UnitSitemap(Sitemap):
    """A section of one unit's sitemap: ``items()`` reads ``self.unit``."""

    def __init__(self, unit):
        self.unit = unit


def _for_unit(sitemaps, unit):
    return {section: sitemap(unit) for section, sitemap in sitemaps.items()}


def index(request, sitemaps, **kwargs):
    """/sitemap.xml: the sections of the request's unit."""
    return sitemap_views.index(request, _for_unit(sitemaps, request.unit), **kwargs)


def sitemap(request, sitemaps, section=None, **kwargs):
    """/sitemap-<section>.xml: one section of the request's unit."""
    return sitemap_views.sitemap(request, _for_unit(sitemaps, request.unit), section=section, **kwargs)
