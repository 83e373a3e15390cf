"""The unit every test's requests are for (made by the ``unit`` fixture of tests/conftest.py)."""

from units.models import Unit
from website.models import SiteSettings


def unit_under_test():
    """The unit every database test runs in (code 01, at testserver: the autouse fixture of tests/conftest.py)."""
    return Unit.objects.get(code="01")


def give_role(user, role, unit=None):
    """Give ``user`` the role (accounts.roles.Role) in ``unit``, the test unit when none is named."""
    from accounts.models import Membership

    return Membership.objects.grant(user=user, unit=unit or unit_under_test(), role=role)


def unit_settings():
    """The test unit's site settings, as its pages read them."""
    return SiteSettings.objects.get_or_create(unit=unit_under_test())[0]
