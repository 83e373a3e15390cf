"""Readers' names and text cannot pass for the staff, reorder the page or widen it (core/names.py, portal.css)."""

import pytest
from django.test import Client

from articles.models import Comment
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA
from tests.traps import trap_fields
from tests.units import unit_settings

pytestmark = pytest.mark.django_db
LONG_TOKEN = "A" * 2000
REVERSED_NAME = "Lan \u202enấT ,ỏg ,tấưc"


@pytest.fixture
def article():
    return make_article("Khánh thành cầu Bến Đò")


def comment(article, name, body="Cầu đẹp, cảm ơn huyện."):
    fields = {"name": name, "email": "", "body": body, **trap_fields()}
    return Client(HTTP_USER_AGENT=BROWSER_UA).post(article.get_absolute_url(), fields)


@pytest.mark.parametrize(
    "name",
    [
        "Ban biên tập",
        "BAN BIEN TAP",
        "ban  biên-tập",
        "Quản trị",
        "Q.U.Ả.N T.R.Ị",
        "Biên tập viên",
        "Admin",
        "Ａｄｍｉｎ",  # full-width
        "Adm1n",
        "Adrnin",
        "Ủy ban nhân dân huyện Sông Lam",  # the unit's name in the site settings
        "UBND HUYỆN SÔNG LAM",
        "Ban\u200b biên tập",  # a zero-width space inside
    ],
)
def test_a_name_imitating_the_staff_or_the_unit_is_refused(article, name):
    site = unit_settings()
    site.unit.name, site.unit.short_name = "Ủy ban nhân dân huyện Sông Lam", "UBND huyện Sông Lam"
    site.save()
    site.unit.save()
    response = comment(article, name)
    assert response.status_code == 400
    assert "giống tên của Ban biên tập, người quản trị hay của đơn vị" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "Вan biên tập",  # Cyrillic В
        "Аdmin",  # Cyrillic А
        "Nguyễn Vаn An",  # one Cyrillic а in a real name
        "ΑDΜΙΝ",  # Greek capitals with Latin D
    ],
)
def test_a_name_mixing_scripts_is_refused(article, name):
    response = comment(article, name)
    assert response.status_code == 400
    assert "không được trộn chữ của nhiều bảng chữ cái" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "name", ["Nguyễn Quân Trí", "Đặng Thị Ánh-Hồng", "Lê Văn Tám 1975", "Иван Петров", "Ông Ban", "Trần Admin Khoa"]
)
def test_real_names_pass(article, name):
    assert comment(article, name).status_code == 302
    assert Comment.objects.get().name == name


def test_bidi_controls_are_removed_from_a_name(article):
    assert comment(article, REVERSED_NAME).status_code == 302
    assert Comment.objects.get().name == "Lan nấT ,ỏg ,tấưc"


def test_readers_text_is_isolated_on_the_page(article, client):
    Comment.objects.create(article=article, name="Lan", body="שלום עולם", approved=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<strong><bdi>Lan</bdi></strong>" in html
    assert '<p class="comment-body" dir="auto">שלום עולם</p>' in html
    html = client.get("/tim-kiem/", {"q": "\u202ecau"}).content.decode()
    assert "“<bdi>\u202ecau</bdi>”" in html
