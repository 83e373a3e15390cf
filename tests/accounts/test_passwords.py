"""Passwords an attacker tries first are refused: the unit's own names, keyboard and digit runs."""

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError

from tests.units import unit_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def song_lam():
    site = unit_settings()
    site.unit.name = "Ủy ban nhân dân huyện Sông Lam"
    site.unit.short_name = "UBND huyện Sông Lam"
    site.portal_name = "Cổng thông tin điện tử huyện Sông Lam"
    site.save()
    site.unit.save()


def refusal(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    "password", ["songlam2026", "Songlam@2026", "SôngLam-2026!!", "UBND.SongLam.2026", "HuyenSongLam#1"]
)
def test_the_units_own_name_with_a_year_is_refused(password):
    assert "tên đơn vị" in refusal(password)


def test_the_units_name_is_read_from_the_site_settings():
    site = unit_settings()
    site.unit.name, site.unit.short_name = "Ủy ban nhân dân xã Hòa Bình", "UBND xã Hòa Bình"
    site.save()
    site.unit.save()
    assert "tên đơn vị" in refusal("HoaBinh@2026")
    validate_password("songlam-ngay-mua-2026")  # no longer the unit's name


@pytest.mark.parametrize(
    "password",
    ["12345678Aa", "Qwerty123456", "1qaz2wsx3edc", "aaaaaaaaaa1", "9876543210z", "Asdfghjkl;'", "abcdefgh12"],
)
def test_keyboard_and_digit_runs_are_refused(password):
    assert "dãy phím" in refusal(password)


@pytest.mark.parametrize(
    "password", ["Sông Lam mùa nước nổi 2026", "Song-Lam-2026-an-toan", "Tam-thoi-2026-xyz", "Đồng lúa chín vàng 47"]
)
def test_personal_passwords_are_accepted(password):
    validate_password(password)


def test_the_rules_are_explained_in_vietnamese():
    texts = " ".join(password_validators_help_texts())
    assert "tên đơn vị" in texts and "dãy phím" in texts
