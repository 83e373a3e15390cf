from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Thống kê truy cập")

    def ready(self):
        from core import generation
        from stats.models import StatsSettings

        generation.track_content(StatsSettings)
