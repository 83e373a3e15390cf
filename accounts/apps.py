from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self):
        from accounts import audit, checks  # noqa: F401 (checks registers itself)
        from accounts.roles import sync_roles

        audit.connect()
        # Permissions only exist once every app has migrated, so roles get theirs afterwards.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="accounts.sync_roles")
