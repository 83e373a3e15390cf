from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Cài đặt cổng thông tin")

    def ready(self):
        from core import checks, pagecache

        pagecache.connect()
        checks.register()
