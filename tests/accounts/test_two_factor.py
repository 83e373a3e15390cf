"""Two-factor sign-in: administrators enrol an authenticator app, then every log-in asks for its code."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from accounts.models import Profile
from tests.accounts.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

ENROL, VERIFY = "/admin/xac-thuc/dang-ky/", "/admin/xac-thuc/"


def log_in(client, username, password=PASSWORD, next_url="/admin/"):
    return client.post(f"/admin/login/?next={next_url}", {"username": username, "password": password})


def code_of(app):
    """The code a person types: the app's current one, or the next one if the current was already used.

    A code is accepted once, so someone who has just used one waits for the next; taking the
    next period after the last accepted one (not "now + 30 s") stays right when enrolment
    crossed a period boundary and the server recorded a drift.
    """
    app.refresh_from_db()
    now = int((time.time() - app.t0) // app.step)
    period = max(now, app.last_t + 1)
    return f"{totp(app.bin_key, step=app.step, t0=app.t0, digits=app.digits, drift=period - now):06d}"


def enrol(client):
    """Scan the QR code (here: read the secret) and confirm it; returns the app and the recovery codes shown."""
    page = client.get(ENROL)
    assert page.status_code == 200
    app = TOTPDevice.objects.get(confirmed=False)
    shown = client.post(ENROL, {"code": code_of(app), "next": "/admin/"})
    assert shown.status_code == 200
    return app, re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown.content.decode())


def test_an_administrator_must_enrol_before_reaching_the_admin(client, staff):
    assert log_in(client, "administrator").status_code == 302
    for path in ["/admin/", "/admin/auth/user/", "/admin/password_change/", "/bien-tap/xem-truoc/1/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith(ENROL), path
    page = client.get(ENROL).content.decode()
    assert "Đăng ký xác thực hai bước" in page and 'src="data:image/svg+xml;base64,' in page
    app, codes = enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get().confirmed and app.user == staff["administrator"]
    assert client.get("/admin/auth/user/").status_code == 200


def test_a_wrong_code_does_not_enrol(client, staff):
    log_in(client, "administrator")
    client.get(ENROL)
    response = client.post(ENROL, {"code": "000000"})
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_after_enrolment_every_log_in_asks_for_the_code(client, staff, settings):
    log_in(client, "administrator")
    app, _codes = enrol(client)
    client.logout()
    assert log_in(client, "administrator", next_url="/admin/auth/user/").status_code == 302
    response = client.get("/admin/auth/user/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fauth%2Fuser%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Xác thực hai bước" in page and "mã dự phòng" in page
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the slow-down after a wrong code has its own test
    refused = client.post(VERIFY, {"code": "123456", "next": "/admin/auth/user/"})
    assert "Mã không đúng" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    accepted = client.post(VERIFY, {"code": code_of(app), "next": "/admin/auth/user/"})
    assert accepted["Location"] == "/admin/auth/user/"
    assert client.get("/admin/auth/user/").status_code == 200


def test_a_recovery_code_works_once(client, staff):
    log_in(client, "administrator")
    _app, codes = enrol(client)
    client.logout()
    log_in(client, "administrator")
    assert client.post(VERIFY, {"code": codes[0].upper()})["Location"] == "/admin/"
    client.logout()
    log_in(client, "administrator")
    assert "Mã không đúng" in client.post(VERIFY, {"code": codes[0]}).content.decode()
    assert StaticToken.objects.count() == 9


def test_the_next_address_stays_on_the_site(client, staff):
    log_in(client, "administrator")
    client.get(ENROL)
    app = TOTPDevice.objects.get()
    client.post(ENROL, {"code": code_of(app)})
    client.logout()
    log_in(client, "administrator")
    response = client.post(VERIFY, {"code": code_of(app), "next": "https://evil.example.com/"})
    assert response["Location"] == "/admin/"


def test_replacing_the_phone_needs_the_old_one(client, staff):
    log_in(client, "administrator")
    enrol(client)
    client.logout()
    log_in(client, "administrator")
    assert client.get(ENROL)["Location"].startswith(VERIFY)  # the password alone cannot enrol a new phone


def test_other_roles_need_no_second_factor_unless_the_setting_says_so(client, staff, settings):
    log_in(client, "press_officer")
    assert client.get("/admin/").status_code == 200
    client.logout()
    settings.OTP_REQUIRED_ROLES = ["press_officer"]
    log_in(client, "press_officer")
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_a_wrong_code_slows_down_the_next_guesses(client, staff):
    log_in(client, "administrator")
    app, _codes = enrol(client)
    client.logout()
    log_in(client, "administrator")
    client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": code_of(app)})  # right, but too soon after a wrong one
    assert "Mã không đúng" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_anyone_who_enrolled_is_asked_for_the_code(client, staff):
    log_in(client, "secretary")
    assert "phải dùng xác thực hai bước" not in client.get(ENROL).content.decode()  # voluntary for them
    enrol(client)
    client.logout()
    log_in(client, "secretary")
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_superuser_must_enrol_too(client, db):
    get_user_model().objects.create_superuser("sieuquantri", password=PASSWORD)
    log_in(client, "sieuquantri")
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_the_password_step_is_still_throttled_by_axes(client, staff):
    for _ in range(5):
        log_in(client, "administrator", password="sai-mat-khau")
    assert log_in(client, "administrator").status_code == 429


def test_an_unknown_role_in_the_setting_stops_the_portal(settings):
    from django.core import checks

    settings.OTP_REQUIRED_ROLES = ["administrators"]
    errors = [message for message in checks.run_checks() if message.id == "accounts.E001"]
    assert errors and "administrators" in errors[0].msg


def test_administrators_reset_a_lost_phone(client, staff):
    officer = make_staff("bientap9", roles.PRESS_OFFICER)
    TOTPDevice.objects.create(user=officer, name="cũ", confirmed=True)
    log_in(client, "administrator")
    enrol(client)
    response = client.post(
        "/admin/auth/user/", {"action": "forget_second_factor", "_selected_action": [officer.pk]}, follow=True
    )
    assert "Đã xóa xác thực hai bước của 1 tài khoản" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_a_new_administrator_enrols_first_then_chooses_a_password(client, staff):
    Profile.require_password_change(staff["administrator"])
    log_in(client, "administrator")
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert client.get("/admin/password_change/")["Location"].startswith(ENROL)  # not with the password alone
    enrol(client)
    assert client.get("/admin/")["Location"] == "/admin/password_change/"
