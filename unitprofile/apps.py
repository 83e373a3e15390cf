from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitProfileConfig(AppConfig):
    """Giới thiệu: a unit's organisation, map, land, history, culture and leaders (Decree 224/2026 Art. 9(1)(c))."""

    name = "unitprofile"
    verbose_name = _("Giới thiệu đơn vị")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
