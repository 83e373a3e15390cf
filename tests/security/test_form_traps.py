"""The honeypot and the signed time stamp of the anonymous forms (core/antispam.py)."""

import re
import time
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from articles.models import Comment
from core.antispam import new_stamp
from stats.models import Feedback
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db
STAMP = re.compile(r'<input type="hidden" name="stamp" value="([^"]+)"')
COMMENT_STAMP = re.compile(r'<input type="hidden" name="stamp" value="([^"]+)" form="comment-form">')
DAY = 24 * 60 * 60


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def article():
    return make_article("Khánh thành cầu Bến Đò")


@pytest.fixture
def reader():
    return Client(HTTP_USER_AGENT=BROWSER_UA)


def at(moment):
    """The clock stopped at ``moment``: a stamp's age does not depend on how fast the machine is."""
    return mock.patch("time.time", return_value=moment)


def comment(reader, article, **fields):
    data = {"name": "Trần Thị Lan", "email": "", "body": "Cầu đẹp, cảm ơn huyện.", **trap_fields(), **fields}
    with at(time.time()):
        return reader.post(article.get_absolute_url(), sent(data))


def rate(reader, article, **fields):
    data = {"target": f"articles.article:{article.pk}", "useful": "1", **trap_fields(), **fields}
    with at(time.time()):
        return reader.post("/danh-gia/", sent(data))


def sent(data):
    """The fields as posted: None leaves a field out, a number of seconds ages the stamp."""
    if isinstance(data.get("stamp"), (int, float)):
        data["stamp"] = aged(data["stamp"])
    return {name: value for name, value in data.items() if value is not None}


def drawn_at(stamp):
    """When a stamp taken from a page was drawn (its signed value)."""
    return float(stamp.split(":")[0])


def aged(seconds):
    with at(time.time() - seconds):
        return new_stamp()


# A number as the stamp stands for a stamp drawn that many seconds before the form is sent.
REFUSALS = [
    ({"website": None}, "thiếu ô kiểm tra chống gửi tự động"),
    ({"website": " "}, "ô phải để trống (dấu hiệu gửi tự động)"),
    ({"website": "http://spam.example"}, "ô phải để trống (dấu hiệu gửi tự động)"),
    ({"stamp": None}, "Không xác nhận được thời điểm mở biểu mẫu"),
    ({"stamp": "1764600000.000:1tQxyz:forged"}, "Không xác nhận được thời điểm mở biểu mẫu"),
    ({"stamp": "stamp"}, "Không xác nhận được thời điểm mở biểu mẫu"),
    ({"stamp": 0}, "gửi quá nhanh sau khi mở trang"),
    ({"stamp": 1.9}, "gửi quá nhanh sau khi mở trang"),
    ({"stamp": DAY + 5}, "Trang đã mở quá một ngày"),
]


@pytest.mark.parametrize(("fields", "reason"), REFUSALS)
def test_a_robots_comment_is_refused_with_its_reason_and_the_text_kept(reader, article, fields, reason):
    response = comment(reader, article, body="Nội dung bạn đọc đã viết", **fields)
    html = response.content.decode()
    assert response.status_code == 400
    assert reason in html
    assert "Nội dung bạn đọc đã viết" in html
    assert not Comment.objects.exists()
    # The form shown again carries a fresh stamp: sent again in a few seconds, it goes through.
    [stamp] = COMMENT_STAMP.findall(html)
    with at(drawn_at(stamp) + 3):
        assert comment(reader, article, stamp=stamp).status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(("fields", "reason"), REFUSALS)
def test_a_robots_rating_is_refused_with_its_reason(reader, article, fields, reason):
    response = rate(reader, article, **fields)
    assert response.status_code == 302
    assert any(reason in str(message) for message in get_messages(response.wsgi_request))
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("seconds", [2.1, 60, DAY - 60])
def test_a_form_sent_between_two_seconds_and_a_day_after_it_was_drawn_passes(reader, article, seconds):
    assert comment(reader, article, stamp=seconds).status_code == 302
    assert rate(reader, article, stamp=seconds).status_code == 302
    assert Comment.objects.count() == 1 and Feedback.objects.count() == 1


def test_each_page_draws_its_own_stamps_though_the_forms_are_remembered(reader, article):
    first = reader.get(article.get_absolute_url()).content.decode()
    time.sleep(0.002)
    second = reader.get(article.get_absolute_url()).content.decode()
    assert len(STAMP.findall(first)) == 2  # the rating's and the comment's
    assert COMMENT_STAMP.findall(first) != COMMENT_STAMP.findall(second)
    # The comment form's stamp sits beside the remembered form and belongs to it by its id.
    assert 'id="comment-form"' in first
    assert 'name="website"' in first.split('id="danh-gia"')[1].split("</form>")[0]


def test_a_stamp_drawn_on_a_page_passes_once_two_seconds_have_gone(reader, article):
    html = reader.get(article.get_absolute_url()).content.decode()
    [comment_stamp] = COMMENT_STAMP.findall(html)
    [rating_stamp] = set(STAMP.findall(html)) - {comment_stamp}
    with at(drawn_at(comment_stamp) + 1.5):
        assert comment(reader, article, stamp=comment_stamp).status_code == 400
    with at(drawn_at(comment_stamp) + 2.5):
        assert comment(reader, article, stamp=comment_stamp).status_code == 302
        rate(reader, article, stamp=rating_stamp)
    assert Comment.objects.count() == 1 and Feedback.objects.count() == 1
