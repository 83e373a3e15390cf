"""The portal's URLs: each app owns its own, under its own namespace."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from articles.sitemaps import ArticleSitemap, CategorySitemap
from compliance.views import check_view
from core.pagecache import cached_page
from core.views import robots_txt
from documents.sitemaps import DocumentSitemap
from meetings.sitemaps import MeetingSitemap
from units import sitemaps as unit_sitemaps
from website.media import protected_file
from website.sitemaps import PageSitemap

SITEMAPS = {
    "tin-bai": ArticleSitemap,
    "chuyen-muc": CategorySitemap,
    "cuoc-hop": MeetingSitemap,
    "van-ban": DocumentSitemap,
    "trang": PageSitemap,
}

handler500 = "core.views.server_error"

admin.site.site_header = _("Quản trị cổng thông tin")
admin.site.site_title = _("Quản trị cổng thông tin")
admin.site.index_title = _("Bảng điều khiển")

urlpatterns = [
    path("", include("accounts.urls")),  # before the admin: the password change and two-factor pages
    # The compliance check is the admin's but no model's: a page of its own before the admin's URLs.
    path("admin/kiem-tra-tuan-thu/", admin.site.admin_view(check_view), name="compliance-check"),
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        cached_page(unit_sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", cached_page(unit_sitemaps.sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("core.urls")),
    path("", include("website.urls")),
    path("", include("articles.urls")),
    path("", include("documents.urls")),
    path("", include("procedures.urls")),
    path("", include("questions.urls")),
    path("", include("meetings.urls")),
    path("", include("consultations.urls")),
    path("", include("stats.urls")),
    path("", include("unitprofile.urls")),
    path("", include("compliance.urls")),
    path(f"{settings.PROTECTED_MEDIA_URL.strip('/')}/<path:path>", protected_file, name="protected-file"),
]


def serve_media(request, path):
    """Uploads, when no nginx serves them (development, tests): read from MEDIA_ROOT at request time."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]
