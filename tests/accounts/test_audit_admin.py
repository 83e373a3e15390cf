"""The audit trail in the admin: who tried which name, locks on record, and filters an editor recognises."""

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from accounts.models import AuditEvent
from tests.accounts.conftest import make_staff
from tests.conftest import log_in_with_second_factor

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action


@pytest.fixture
def administrator(client):
    roles.sync_roles()
    user = make_staff("quantri", roles.ADMINISTRATOR)
    log_in_with_second_factor(client, user)
    return user


def test_a_failed_log_in_shows_the_name_tried(client, administrator):
    client.logout()
    client.post("/admin/login/", {"username": "nguyenvana", "password": "sai"})
    log_in_with_second_factor(client, administrator)
    page = client.get("/admin/accounts/auditevent/").content.decode()
    assert "nguyenvana" in page and "tên đã thử" in page


def test_locking_and_unlocking_an_account_is_recorded(client, administrator):
    officer = make_staff("bientap", roles.PRESS_OFFICER)
    client.post("/admin/auth/user/", {"action": "deactivate_selected", "_selected_action": [officer.pk]})
    assert not get_user_model().objects.get(pk=officer.pk).is_active
    lock = AuditEvent.objects.get(action=Action.LOCK)
    assert (lock.actor, lock.object_id) == (administrator, str(officer.pk))
    client.post("/admin/auth/user/", {"action": "activate_selected", "_selected_action": [officer.pk]})
    assert AuditEvent.objects.filter(action=Action.UNLOCK, object_id=str(officer.pk)).exists()


def test_a_lock_out_by_too_many_failures_is_recorded(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(3):
        client.post("/admin/login/", {"username": "nguyenvana", "password": "sai"})
    assert AuditEvent.objects.filter(action=Action.LOCKED_OUT, detail="nguyenvana").exists()


def test_the_kind_filter_offers_only_tracked_content_by_vietnamese_names(client, administrator):
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(username="x", ip_address="203.0.113.1", user_agent="x", failures_since_start=1)
    make_staff("bientap", roles.PRESS_OFFICER)  # a role change on record: kind "người dùng"
    page = client.get("/admin/accounts/auditevent/").content.decode()
    assert "Người dùng" in page
    for english in ("access attempt", "visitor", "flushed batch", "session", "Axes"):
        assert english not in page
