"""Administrators manage staff accounts and their roles in units here, and read the audit trail.

On unit U's admin, U's administrator sees and changes the accounts that hold a role in U, and grants
roles in U only; the province's administrator also manages the units below the province (their
list, and the account of each unit's administrator). What an account may do anywhere else stays
out of reach: an account that also works for another unit is shown, not changed.
"""

from functools import reduce
from operator import or_

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from accounts.models import AuditEvent, Membership, Profile
from accounts.permissions import is_province_administrator, units_managed_by
from accounts.roles import ROLES
from units import admin as units_admin
from units.models import Unit

User = get_user_model()


def role_groups():
    return Group.objects.filter(name__in=[role.group_name for role in ROLES])


class StaffCreationForm(AdminUserCreationForm):
    """A new staff account is created with its role in a unit; it must change its password at first log-in."""

    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.none(),
        help_text=_("Tài khoản làm việc cho đơn vị này; có thể thêm vai trò ở đơn vị khác sau."),
    )
    role = forms.ModelChoiceField(
        label=_("Vai trò"),
        queryset=role_groups(),
        help_text=_("Quyền của tài khoản trong đơn vị đến từ vai trò."),
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


class MembershipInline(admin.TabularInline):
    """The account's roles in the units the person editing it manages; roles elsewhere are not shown."""

    model = Membership
    fields = ["unit", "role"]
    extra = 0
    verbose_name = _("vai trò trong đơn vị")
    verbose_name_plural = _("vai trò trong các đơn vị")

    def get_queryset(self, request):
        managed = units_managed_by(request.user, request.unit)
        return super().get_queryset(request).filter(unit__in=managed).select_related("unit", "role")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = units_managed_by(request.user, request.unit)
            kwargs["initial"] = request.unit
        elif db_field.name == "role":
            kwargs["queryset"] = role_groups()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


admin.site.unregister(User)
admin.site.unregister(Group)
admin.site.unregister(Unit)
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
                "fields": ("username", "first_name", "last_name", "email", "unit", "role", "password1", "password2"),
            },
        ),
    )
    # Rights are roles in units (the inline); Django's groups and per-account permissions give none.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Thông tin cá nhân"), {"fields": ("first_name", "last_name", "email")}),
        (_("Trạng thái"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Thời điểm"), {"fields": ("last_login", "date_joined")}),
    )
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "roles", "second_factor", "is_active", "last_login"]
    list_filter = ["is_active", "memberships__role"]
    actions = ["deactivate_selected", "activate_selected", "forget_second_factor"]

    def get_queryset(self, request):
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        users = super().get_queryset(request).annotate(has_second_factor=Exists(enrolled))
        managed = units_managed_by(request.user, request.unit)
        shown = Membership.objects.filter(unit__in=managed).select_related("unit", "role")
        users = users.prefetch_related(Prefetch("memberships", queryset=shown, to_attr="shown_memberships"))
        if request.user.is_superuser:
            return users
        return users.filter(Exists(Membership.objects.filter(user=OuterRef("pk"), unit__in=managed)))

    def manageable(self, request, users):
        """Of ``users``, those whose every role is in a unit the person managing them manages."""
        if request.user.is_superuser:
            return users
        managed = units_managed_by(request.user, request.unit)
        elsewhere = Membership.objects.filter(user=OuterRef("pk")).outside(managed)
        return users.filter(is_superuser=False).exclude(Exists(elsewhere))

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj is not None else []

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            form.base_fields["unit"].queryset = units_managed_by(request.user, request.unit)
            form.base_fields["unit"].initial = request.unit
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = ["last_login", "date_joined"]
        return readonly if request.user.is_superuser else [*readonly, "is_staff", "is_superuser"]

    def has_change_permission(self, request, obj=None):
        """Changing an account that also works for another unit would change it there too: only shown."""
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or self.manageable(request, User.objects.filter(pk=obj.pk)).exists()

    @admin.display(description=_("họ và tên"))
    def full_name(self, user):
        return user.get_full_name()

    @admin.display(description=_("vai trò"))
    def roles(self, user):
        return ", ".join(f"{m.role.name} ({m.unit})" for m in user.shown_memberships)

    @admin.display(description=_("xác thực hai bước"), boolean=True, ordering="has_second_factor")
    def second_factor(self, user):
        return user.has_second_factor

    def save_model(self, request, obj, form, change):
        if not change:
            obj.is_staff = True
        super().save_model(request, obj, form, change)
        if not change:
            Membership.objects.create(user=obj, unit=form.cleaned_data["unit"], role=form.cleaned_data["role"])
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
        if obj is not None and not self.has_change_permission(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Khóa (ngừng kích hoạt) các tài khoản đã chọn"), permissions=["change"])
    def deactivate_selected(self, request, queryset):
        queryset = self.manageable(request, queryset)
        count = queryset.exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(
            request, ngettext("Đã khóa %(count)d tài khoản.", "Đã khóa %(count)d tài khoản.", count) % {"count": count}
        )
        if queryset.filter(pk=request.user.pk).exists():
            self.message_user(request, _("Bạn không thể tự khóa tài khoản của mình."), messages.WARNING)

    @admin.action(description=_("Mở khóa (kích hoạt lại) các tài khoản đã chọn"), permissions=["change"])
    def activate_selected(self, request, queryset):
        count = self.manageable(request, queryset).update(is_active=True)
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
        users = list(self.manageable(request, queryset))
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


@admin.register(Group)
class RoleAdmin(DjangoGroupAdmin):
    """The roles are the same in every unit (accounts/roles.py): readable by administrators, changed by no one else."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Unit)
class UnitAdmin(units_admin.UnitAdmin):
    """Units are the province's to manage: its administrator adds its communes and wards; no one else sees them.

    Each unit's administrator is appointed from the accounts (a role "Quản trị hệ thống" in that unit).
    """

    list_display = [*units_admin.UnitAdmin.list_display, "administrators"]

    def get_queryset(self, request):
        administrators = Membership.objects.filter(role__name=ROLES[0].group_name).select_related("user")
        units = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("memberships", queryset=administrators, to_attr="administrator_memberships"))
        )
        return units.filter(pk__in=units_managed_by(request.user, request.unit))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent" and not request.user.is_superuser:
            kwargs["queryset"] = Unit.objects.filter(pk=request.unit.pk)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.parent_id is None and not request.user.is_superuser:
            return ["parent", "level"]
        return super().get_readonly_fields(request, obj)

    def _may(self, request):
        return is_province_administrator(request.user, request.unit)

    def has_module_permission(self, request):
        return self._may(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._may(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._may(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request) and super().has_delete_permission(request, obj)

    @admin.display(description=_("quản trị viên"))
    def administrators(self, unit):
        return ", ".join(m.user.get_username() for m in unit.administrator_memberships) or "—"
