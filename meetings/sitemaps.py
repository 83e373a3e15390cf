"""Sitemap of a unit's public meetings."""

from meetings.models import Meeting
from units.sitemaps import UnitSitemap


class MeetingSitemap(UnitSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Meeting.objects.of(self.unit).public().only("slug", "updated_at").order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at
