"""What the portal keeps about its staff accounts: the first-log-in flag, roles in units and the audit trail."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Profile(models.Model):
    """Per-account flags that Django's user model has no field for."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu"),
        default=False,
        help_text=_("Bật khi quản trị viên tạo tài khoản hoặc đặt lại mật khẩu; tắt khi người dùng tự đổi."),
    )

    class Meta:
        verbose_name = _("hồ sơ tài khoản")
        verbose_name_plural = pgettext_lazy("plural", "hồ sơ tài khoản")

    def __str__(self):
        return str(self.user)

    @classmethod
    def require_password_change(cls, user):
        """Flag an account so that its next log-in starts with choosing a password of its own."""
        cls.objects.update_or_create(user=user, defaults={"must_change_password": True})


class AuditEvent(models.Model):
    """One thing someone did: kept for good, readable by administrators, editable by nobody."""

    class Action(models.TextChoices):
        CREATE = "create", _("Tạo")
        CHANGE = "change", _("Sửa")
        DELETE = "delete", _("Xóa")
        PUBLISH = "publish", _("Xuất bản")
        WITHDRAW = "withdraw", _("Gỡ")
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
        LOGOUT = "logout", _("Đăng xuất")
        ROLE_CHANGE = "role_change", _("Đổi vai trò")
        LOCK = "lock", _("Khóa tài khoản")
        UNLOCK = "unlock", _("Mở khóa tài khoản")
        LOCKED_OUT = "locked_out", _("Tạm khóa đăng nhập")
        APPROVE = "approve", _("Duyệt")
        HIDE = "hide", _("Ẩn")

    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=20, choices=Action, db_index=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("loại đối tượng"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=200, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nhật ký hoạt động")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký hoạt động")

    def __str__(self):
        actor = self.actor_name or "—"
        return f"{self.created_at:%d/%m/%Y %H:%M} {actor}: {self.get_action_display()} {self.object_repr}"


class MembershipQuerySet(models.QuerySet):
    def in_unit(self, unit):
        return self.filter(unit=unit)

    def administering(self, unit):
        """The memberships that make their holder the administrator of ``unit``."""
        from accounts.roles import ADMINISTRATOR

        return self.filter(unit=unit, role__name=ADMINISTRATOR.group_name)

    def outside(self, units):
        """Memberships in units other than ``units``: an account that has one is not only theirs to manage."""
        return self.exclude(unit__in=units)

    def permission_names(self):
        """The permissions these memberships' roles give, as ``has_perm`` names them (``app_label.codename``)."""
        rows = Permission.objects.filter(group__memberships__in=self).values_list(
            "content_type__app_label", "codename"
        )
        return {f"{app_label}.{codename}" for app_label, codename in rows.distinct()}

    def grant(self, *, user, unit, role):
        """Give ``user`` the role (accounts.roles.Role) in ``unit``, replacing the role held there before."""
        group = Group.objects.get(name=role.group_name)
        membership, created = self.get_or_create(user=user, unit=unit, defaults={"role": group})
        if not created and membership.role_id != group.pk:  # saved only when it changes: no audit event for nothing
            membership.role = group
            membership.save(update_fields=["role"])
        return membership


class Membership(models.Model):
    """A staff account's role in one unit: what it may do there, and nowhere else."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.ForeignKey(
        Group,
        verbose_name=_("vai trò"),
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("Quyền của tài khoản trong đơn vị này đến từ vai trò."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["unit__name", "user__username"]
        verbose_name = _("vai trò trong đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "vai trò trong đơn vị")
        constraints = [models.UniqueConstraint("user", "unit", name="accounts_membership_one_role_per_unit")]

    def __str__(self):
        return f"{self.user} — {self.role} ({self.unit})"
