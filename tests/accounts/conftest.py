"""One staff user per role, logged in through the real admin."""

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from tests.units import give_role

PASSWORD = "Song-Lam-2026-an-toan"


def make_staff(username, role, unit=None):
    """A staff account with ``role`` in ``unit`` (the test unit when none is named)."""
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    give_role(user, role, unit)
    return user


@pytest.fixture
def staff(db):
    """{role key: user}"""
    roles.sync_roles()
    return {role.key: make_staff(role.key, role) for role in roles.ROLES}
