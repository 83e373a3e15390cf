"""Administrators manage staff accounts and roles here, and read the audit trail."""

from functools import reduce
from operator import or_

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from accounts.models import AuditEvent, Profile
from accounts.roles import ROLES

User = get_user_model()


class StaffCreationForm(AdminUserCreationForm):
    """A new staff account is created with its role; it must change its password at first log-in."""

    role = forms.ModelChoiceField(
        label=_("Vai trò"),
        queryset=Group.objects.filter(name__in=[role.group_name for role in ROLES]),
        help_text=_("Quyền của tài khoản đến từ vai trò."),
    )

    class Meta(AdminUserCreationForm.Meta):
        fields = ("username", "first_name", "last_name", "email")


# The fields by which a record of any app names who created it or changed it last.
AUTHOR_FIELDS = ("created_by", "updated_by")


def named_as_author(user):
    """The records of every app that name ``user`` as their author, one queryset per model.

    Found by the fields' names, so that accounts, below the content apps, imports none of them.
    """
    for model in apps.get_models():
        fields = [
            field.name
            for field in model._meta.get_fields()
            if field.name in AUTHOR_FIELDS and field.many_to_one and field.related_model is User
        ]
        if fields:
            yield model._default_manager.filter(reduce(or_, (Q(**{name: user}) for name in fields)))


def has_content(user):
    """Whether the account's name is on content or in the audit trail (it is then kept, only deactivated)."""
    return (
        any(records.exists() for records in named_as_author(user))
        or AuditEvent.objects.filter(actor=user).exclude(action__in=[AuditEvent.Action.LOGIN]).exists()
    )


admin.site.unregister(User)
# Second factors are seen and reset from the accounts (a column, an action), not as django-otp's own lists.
admin.site.unregister([TOTPDevice, StaticDevice])


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = StaffCreationForm
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "first_name", "last_name", "email", "role", "password1", "password2"),
            },
        ),
    )
    list_display = ["username", "full_name", "email", "roles", "second_factor", "is_active", "last_login"]
    list_filter = ["is_active", "groups"]
    actions = ["deactivate_selected", "activate_selected", "forget_second_factor"]

    def get_queryset(self, request):
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).prefetch_related("groups").annotate(has_second_factor=Exists(enrolled))

    @admin.display(description=_("họ và tên"))
    def full_name(self, user):
        return user.get_full_name()

    @admin.display(description=_("vai trò"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())

    @admin.display(description=_("xác thực hai bước"), boolean=True, ordering="has_second_factor")
    def second_factor(self, user):
        return user.has_second_factor

    def save_model(self, request, obj, form, change):
        if not change:
            obj.is_staff = True
        super().save_model(request, obj, form, change)
        if not change:
            obj.groups.add(form.cleaned_data["role"])
            Profile.require_password_change(obj)

    def user_change_password(self, request, id, form_url=""):
        """An administrator's reset: the owner must choose a new password at the next log-in."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            if user != request.user:
                Profile.require_password_change(user)
        return response

    def has_delete_permission(self, request, obj=None):
        """Never delete someone whose name is on content: deactivate them instead."""
        if obj is not None and has_content(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Khóa (ngừng kích hoạt) các tài khoản đã chọn"), permissions=["change"])
    def deactivate_selected(self, request, queryset):
        count = queryset.exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(
            request, ngettext("Đã khóa %(count)d tài khoản.", "Đã khóa %(count)d tài khoản.", count) % {"count": count}
        )
        if queryset.filter(pk=request.user.pk).exists():
            self.message_user(request, _("Bạn không thể tự khóa tài khoản của mình."), messages.WARNING)

    @admin.action(description=_("Mở khóa (kích hoạt lại) các tài khoản đã chọn"), permissions=["change"])
    def activate_selected(self, request, queryset):
        count = queryset.update(is_active=True)
        self.message_user(
            request,
            ngettext("Đã kích hoạt %(count)d tài khoản.", "Đã kích hoạt %(count)d tài khoản.", count)
            % {"count": count},
        )

    @admin.action(
        description=_("Xóa xác thực hai bước (mất điện thoại): đăng ký lại ở lần đăng nhập sau"),
        permissions=["change"],
    )
    def forget_second_factor(self, request, queryset):
        users = list(queryset)
        for user in users:
            twofactor.forget_devices(user)
        self.message_user(
            request,
            ngettext(
                "Đã xóa xác thực hai bước của %(count)d tài khoản.",
                "Đã xóa xác thực hai bước của %(count)d tài khoản.",
                len(users),
            )
            % {"count": len(users)},
        )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the trail is evidence."""

    list_display = ["created_at", "actor_name", "action", "content_type", "object_repr", "detail"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["actor_name", "object_repr", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
