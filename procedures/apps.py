from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    """Thủ tục hành chính: the procedures a unit handles, taken from the National Public Service Portal."""

    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from core import generation

        generation.track_content(*self.get_models())
