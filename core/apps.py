from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Cài đặt cổng thông tin")

    def ready(self):
        from core import checks, generation

        generation.track_content(*self.get_models())
        checks.register()
