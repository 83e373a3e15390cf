"""Sitemap of the public meetings."""

from django.contrib.sitemaps import Sitemap

from meetings.models import Meeting


class MeetingSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Meeting.objects.public().only("slug", "updated_at").order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at
