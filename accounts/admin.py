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
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import audit, twofactor
from accounts.models import AuditEvent, Membership, Profile
from accounts.names import full_name
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
        fields = ("username", "last_name", "first_name", "email")


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
                "fields": ("username", "last_name", "first_name", "email", "unit", "role", "password1", "password2"),
            },
        ),
    )
    # Rights are roles in units (the inline); Django's groups and per-account permissions give none.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Thông tin cá nhân"), {"fields": ("last_name", "first_name", "email")}),
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

    @admin.display(description=_("họ và tên"), ordering="last_name")
    def full_name(self, user):
        return full_name(user)

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
        locked = list(queryset.exclude(pk=request.user.pk).filter(is_active=True))
        count = User.objects.filter(pk__in=[user.pk for user in locked]).update(is_active=False)
        for user in locked:
            audit.record(AuditEvent.Action.LOCK, user, actor=request.user)
        self.message_user(
            request, ngettext("Đã khóa %(count)d tài khoản.", "Đã khóa %(count)d tài khoản.", count) % {"count": count}
        )
        if queryset.filter(pk=request.user.pk).exists():
            self.message_user(request, _("Bạn không thể tự khóa tài khoản của mình."), messages.WARNING)

    @admin.action(description=_("Mở khóa (kích hoạt lại) các tài khoản đã chọn"), permissions=["change"])
    def activate_selected(self, request, queryset):
        unlocked = list(self.manageable(request, queryset).filter(is_active=False))
        count = User.objects.filter(pk__in=[user.pk for user in unlocked]).update(is_active=True)
        for user in unlocked:
            audit.record(AuditEvent.Action.UNLOCK, user, actor=request.user)
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


class TrackedContentTypeFilter(admin.RelatedOnlyFieldListFilter):
    """Only the kinds of record the trail follows (accounts.audit.TRACKED_MODELS), by their Vietnamese names."""

    def field_choices(self, field, request, model_admin):
        tracked = {ContentType.objects.get_for_model(apps.get_model(label)).pk for label in audit.TRACKED_MODELS}
        used = set(model_admin.get_queryset(request).values_list("content_type", flat=True).distinct())
        kinds = ContentType.objects.filter(pk__in=tracked & used)
        return sorted(((kind.pk, content_kind(kind)) for kind in kinds), key=lambda choice: choice[1])


def content_kind(content_type):
    """ "Tin bài", "Người dùng": the model's name, capitalised, without its app's."""
    model = content_type.model_class() if content_type else None
    return capfirst(gettext(str(model._meta.verbose_name))) if model else ""


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the trail is evidence."""

    list_display = ["created_at", "who", "action", "kind", "object_repr", "detail"]
    list_filter = ["action", ("content_type", TrackedContentTypeFilter), "created_at"]
    search_fields = ["actor_name", "object_repr", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["content_type", "actor"]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("người thực hiện"), ordering="actor_name")
    def who(self, event):
        """The account's name in Vietnamese order; for a failed or refused log-in, the name that was tried."""
        if event.action in (AuditEvent.Action.LOGIN_FAILED, AuditEvent.Action.LOCKED_OUT):
            return format_html("{} <small>({})</small>", event.detail or "—", _("tên đã thử"))
        if event.actor is not None:
            return format_html("{} <small>({})</small>", full_name(event.actor), event.actor_name)
        return event.actor_name or "—"

    @admin.display(description=_("loại đối tượng"), ordering="content_type")
    def kind(self, event):
        return content_kind(event.content_type) or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# What Django's default permissions let one do, as the role form names them ("Can add …" otherwise).
PERMISSION_VERBS = {
    "add": _("Thêm %(model)s"),
    "change": _("Sửa %(model)s"),
    "delete": _("Xóa %(model)s"),
    "view": _("Xem %(model)s"),
}


def permission_label(permission):
    """A permission as an administrator reads it: section, then the Vietnamese action on the model.

    Django names its default permissions in English ("Can add article") when they are created, in
    the database; the label is made again here, from the codename and the model's translated name.
    Models of libraries whose names are not marked for translation are looked up in our catalogue.
    """
    content_type = permission.content_type
    model = content_type.model_class()
    verb, _sep, model_name = permission.codename.partition("_")
    if model is None:
        return permission.name
    app_name = apps.get_app_config(content_type.app_label).verbose_name
    verbose_name = gettext(str(model._meta.verbose_name))
    if verb in PERMISSION_VERBS and model_name == model._meta.model_name:
        action = PERMISSION_VERBS[verb] % {"model": verbose_name}
    else:
        action = gettext(permission.name)
    return f"{app_name} | {action}"


@admin.register(Group)
class RoleAdmin(DjangoGroupAdmin):
    """The roles are the same in every unit (accounts/roles.py): readable by administrators, changed by no one else."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request=request, **kwargs)
        if db_field.name == "permissions":
            formfield.label_from_instance = permission_label
        return formfield

    def get_fields(self, request, obj=None):
        """Read only, the permissions are listed by ``permission_list``, as the form's choices name them."""
        if obj is not None and not self.has_change_permission(request, obj):
            return ["name", "permission_list"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return ["name", "permission_list"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("quyền"))
    def permission_list(self, group):
        labels = sorted(permission_label(p) for p in group.permissions.select_related("content_type"))
        return format_html_join(mark_safe("<br>"), "{}", ((label,) for label in labels)) or "—"

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
        return ", ".join(full_name(m.user) for m in unit.administrator_memberships) or "—"
