from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    # This module holds two configurations: "accounts" in INSTALLED_APPS means this one.
    default = True
    name = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self):
        from accounts import audit, checks  # noqa: F401 (checks registers itself)
        from accounts.roles import sync_roles

        audit.connect()
        # Permissions only exist once every app has migrated, so roles get theirs afterwards.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="accounts.sync_roles")


class ThrottlingConfig(AxesAppConfig):
    """django-axes under a name an administrator reads in the admin's list of sections (it has none of its own)."""

    default = False
    verbose_name = _("Chống dò mật khẩu")
