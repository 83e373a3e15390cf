"""Administrators create staff accounts with a role; new accounts choose their own password first."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts import roles
from accounts.models import Profile
from tests.accounts.conftest import PASSWORD
from tests.articles.factories import make_article
from tests.conftest import log_in_with_second_factor
from tests.units import unit_under_test

pytestmark = pytest.mark.django_db
User = get_user_model()


def log_in(client, username, password=PASSWORD):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def test_administrator_creates_a_staff_account_with_a_role(client, staff):
    log_in_with_second_factor(client, staff["administrator"])
    group = roles.PRESS_OFFICER.group_name
    from django.contrib.auth.models import Group

    response = client.post(
        "/admin/auth/user/add/",
        {
            "username": "bientap2",
            "first_name": "Lan",
            "last_name": "Nguyễn Thị",
            "email": "lan@example.gov.vn",
            "unit": unit_under_test().pk,
            "role": Group.objects.get(name=group).pk,
            "password1": "Tam-thoi-2026-xyz",
            "password2": "Tam-thoi-2026-xyz",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="bientap2")
    assert user.is_staff and not user.is_superuser
    assert list(user.memberships.values_list("unit__code", "role__name")) == [("01", group)]
    assert Profile.objects.get(user=user).must_change_password


def test_a_new_account_must_change_its_password_first(client, staff):
    Profile.require_password_change(staff["press_officer"])
    assert log_in(client, "press_officer").status_code == 302
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302 and response["Location"] == "/admin/password_change/"
    new = "Mat-khau-rieng-cua-toi-2026"
    response = client.post(
        "/admin/password_change/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response["Location"] == "/admin/password_change/done/"
    assert client.get("/admin/articles/article/").status_code == 200
    assert not Profile.objects.get(user=staff["press_officer"]).must_change_password


def test_a_password_reset_by_an_administrator_must_be_changed(client, staff):
    log_in_with_second_factor(client, staff["administrator"])
    officer = staff["press_officer"]
    response = client.post(
        f"/admin/auth/user/{officer.pk}/password/",
        {"password1": "Dat-lai-2026-abc", "password2": "Dat-lai-2026-abc", "usable_password": "true"},
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=officer).must_change_password


@pytest.mark.parametrize(
    "password", ["matkhau", "Matkhau@2024", "123456a@", "MậtKhẩu123", "quantri2026!", "ngắn-9kt", "1234567890"]
)
def test_weak_and_common_vietnamese_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_personal_password_is_accepted():
    validate_password("Sông Lam mùa nước nổi 2026")


def test_someone_whose_name_is_on_content_is_deactivated_not_deleted(client, staff):
    log_in_with_second_factor(client, staff["administrator"])
    officer = staff["press_officer"]
    make_article(created_by=officer)
    assert client.get(f"/admin/auth/user/{officer.pk}/delete/").status_code == 403
    response = client.post(
        "/admin/auth/user/", {"action": "deactivate_selected", "_selected_action": [officer.pk]}, follow=True
    )
    assert "Đã khóa 1 tài khoản." in response.content.decode()
    officer.refresh_from_db()
    assert not officer.is_active
    assert log_in(client, "press_officer").status_code == 200  # refused: the form comes back


def test_an_administrator_cannot_lock_themselves_out(client, staff):
    admin = staff["administrator"]
    log_in_with_second_factor(client, admin)
    client.post("/admin/auth/user/", {"action": "deactivate_selected", "_selected_action": [admin.pk]})
    admin.refresh_from_db()
    assert admin.is_active


def test_opening_the_done_page_does_not_lift_the_obligation(client, staff):
    Profile.require_password_change(staff["press_officer"])
    log_in(client, "press_officer")
    client.get("/admin/password_change/done/")
    assert client.get("/admin/articles/article/")["Location"] == "/admin/password_change/"
    assert Profile.objects.get(user=staff["press_officer"]).must_change_password


def test_the_password_given_by_the_administrator_cannot_be_kept(client, staff):
    Profile.require_password_change(staff["press_officer"])
    log_in(client, "press_officer")
    response = client.post(
        "/admin/password_change/", {"old_password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response.status_code == 200
    assert "Mật khẩu mới phải khác mật khẩu hiện tại." in response.content.decode()
    assert Profile.objects.get(user=staff["press_officer"]).must_change_password
    assert client.get("/admin/articles/article/")["Location"] == "/admin/password_change/"
