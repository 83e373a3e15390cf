from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Văn bản: the legal and administrative documents a unit publishes, with their files and relations."""

    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
