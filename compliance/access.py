"""Who may run the compliance check in the admin: a unit's administrators and its editor-in-chief."""

from accounts.models import Membership
from accounts.roles import ADMINISTRATOR, EDITOR_IN_CHIEF


def may_check(user, unit):
    """The check shows what the unit lacks before the ministry's evaluation: for those who answer for it."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    roles = (ADMINISTRATOR.group_name, EDITOR_IN_CHIEF.group_name)
    return unit is not None and Membership.objects.filter(user=user, unit=unit, role__name__in=roles).exists()
