"""What the portal keeps about its staff accounts: the first-log-in flag and the audit trail."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        verbose_name_plural = _("hồ sơ tài khoản")

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
        verbose_name_plural = _("nhật ký hoạt động")

    def __str__(self):
        actor = self.actor_name or "—"
        return f"{self.created_at:%d/%m/%Y %H:%M} {actor}: {self.get_action_display()} {self.object_repr}"
