"""Users in the editorial roles, as the demo accounts give them."""

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from tests.units import give_role


def _user(username, role):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    give_role(user, role)
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
