from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The site shell, above every content app: home page, menu, simple pages, site settings, notices."""

    name = "website"
    verbose_name = _("Cài đặt cổng thông tin")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
