from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    """The province and its communes, wards and zones: which unit a request is for, and what it owns."""

    name = "units"
    verbose_name = _("Đơn vị")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core import generation
        from units import hosts
        from units.models import Unit, UnitAlias

        generation.track_content(Unit, UnitAlias)
        for model in (Unit, UnitAlias):
            post_save.connect(hosts.forget, sender=model, dispatch_uid=f"hosts-save-{model.__name__}")
            post_delete.connect(hosts.forget, sender=model, dispatch_uid=f"hosts-delete-{model.__name__}")
