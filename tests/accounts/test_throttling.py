"""After 5 failed log-ins the account and address wait; the page says so without revealing the account."""

import pytest
from axes.models import AccessAttempt

from tests.accounts.conftest import PASSWORD
from tests.conftest import log_in_with_second_factor

pytestmark = pytest.mark.django_db
LOCKED = "Tạm khóa đăng nhập"


def attempt(client, username, password, address="10.0.0.7"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_from_that_address(client, staff):
    for _ in range(4):
        response = attempt(client, "press_officer", "sai-mat-khau")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    locked = attempt(client, "press_officer", "sai-mat-khau")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert LOCKED in html and "liên hệ quản trị hệ thống" in html and "30 phút" in html
    # Even the right password waits now.
    assert attempt(client, "press_officer", PASSWORD).status_code == 429
    # Another address is not locked out of the same account.
    assert attempt(client, "press_officer", PASSWORD, address="10.0.0.8").status_code == 302


def test_an_unknown_account_gets_the_same_answer(client, staff):
    for _ in range(4):
        attempt(client, "khong-ton-tai", "sai")
    unknown = attempt(client, "khong-ton-tai", "sai")
    client.logout()
    for _ in range(4):
        attempt(client, "press_officer", "sai")
    known = attempt(client, "press_officer", "sai")
    assert unknown.status_code == known.status_code == 429
    assert unknown.content.decode().replace("khong-ton-tai", "X") == known.content.decode().replace(
        "press_officer", "X"
    )


def test_an_administrator_unlocks_in_the_admin(client, staff):
    for _ in range(5):
        attempt(client, "press_officer", "sai")
    assert attempt(client, "press_officer", PASSWORD).status_code == 429
    log_in_with_second_factor(client, staff["administrator"])
    attempt_row = AccessAttempt.objects.get(username="press_officer")
    response = client.post(f"/admin/axes/accessattempt/{attempt_row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    client.logout()
    assert attempt(client, "press_officer", PASSWORD).status_code == 302
