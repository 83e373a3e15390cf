"""An upgraded single-unit portal keeps its accounts' roles: each role group becomes a role in that unit.

Before units, an account's role was a Django group; now a right is a role held in a unit
(accounts.permissions), and the groups alone give nothing. Each account's role groups become
memberships of the primary unit (the one units 0002 made of the old portal) and leave the account's
groups, so nothing says twice what someone may do. A database without a unit (a fresh one) has no
roles to move. An account with two role groups keeps the first of them in the order of
accounts.roles.ROLES (the widest): a unit gives one role to each account.
"""

from django.db import migrations

# As accounts.roles.ROLES names them, widest first; a migration does not import the app's code.
ROLE_GROUPS = ("Quản trị hệ thống", "Trưởng ban biên tập", "Biên tập viên", "Thư ký")


def primary_unit(apps):
    return apps.get_model("units", "Unit").objects.filter(parent=None).order_by("pk").first()


def groups_to_memberships(apps, schema_editor):
    unit = primary_unit(apps)
    if unit is None:
        return
    User = apps.get_model("auth", "User")
    Membership = apps.get_model("accounts", "Membership")
    for user in User.objects.filter(groups__name__in=ROLE_GROUPS).distinct().prefetch_related("groups"):
        held = {group.name: group for group in user.groups.all() if group.name in ROLE_GROUPS}
        widest = next(held[name] for name in ROLE_GROUPS if name in held)
        Membership.objects.get_or_create(user=user, unit=unit, defaults={"role": widest})
        user.groups.remove(*held.values())


def memberships_to_groups(apps, schema_editor):
    unit = primary_unit(apps)
    if unit is None:
        return
    for membership in apps.get_model("accounts", "Membership").objects.filter(unit=unit).select_related("user"):
        membership.user.groups.add(membership.role_id)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_membership")]

    operations = [migrations.RunPython(groups_to_memberships, memberships_to_groups)]
