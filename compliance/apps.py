from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    """What the law asks a unit to publish, and whether its portal does: above the site shell, reading every app."""

    name = "compliance"
    verbose_name = _("Công khai và tuân thủ")
