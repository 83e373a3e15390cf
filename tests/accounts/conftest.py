"""One staff user per role, logged in through the real admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles

PASSWORD = "Song-Lam-2026-an-toan"


def make_staff(username, role):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role.group_name))
    return user


@pytest.fixture
def staff(db):
    """{role key: user}"""
    roles.sync_roles()
    return {role.key: make_staff(role.key, role) for role in roles.ROLES}
