"""Users in the editorial roles, as the demo accounts give them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles


def _user(username, role):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role.group_name))
    return user


@pytest.fixture
def press_officer(db):
    roles.sync_roles()
    return _user("bientap", roles.PRESS_OFFICER)


@pytest.fixture
def other_press_officer(db):
    roles.sync_roles()
    return _user("bientap2", roles.PRESS_OFFICER)


@pytest.fixture
def editor_in_chief(db):
    roles.sync_roles()
    return _user("truongban", roles.EDITOR_IN_CHIEF)
