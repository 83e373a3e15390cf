"""The anonymous POSTs refuse a large body before reading it, in Django and in nginx."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from articles.models import Comment
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db
NGINX = Path(__file__).resolve().parents[2] / "deploy" / "nginx-portal.conf"
TWENTY_MB = 20 * 1024 * 1024


class UnreadBody:
    """A request body that fails the test if anyone reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.fixture
def article():
    return make_article("Khánh thành cầu Bến Đò")


def declared(path, length):
    return Client(HTTP_USER_AGENT=BROWSER_UA).generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadBody()},
    )


@pytest.mark.parametrize("path", ["ARTICLE", "/danh-gia/"])
def test_a_twenty_megabyte_post_is_refused_unread_in_vietnamese(article, path):
    response = declared(article.get_absolute_url() if path == "ARTICLE" else path, TWENTY_MB)
    assert response.status_code == 413
    html = response.content.decode()
    assert "Nội dung gửi quá lớn" in html and "tối đa 64 KB" in html


def test_a_comment_just_under_the_cap_is_read(article):
    fields = {"name": "Trần Thị Lan", "email": "", "body": "Cầu đẹp.", **trap_fields()}
    padding = "x" * (settings.PUBLIC_POST_MAX_BYTES - 2_000)
    response = Client(HTTP_USER_AGENT=BROWSER_UA).post(article.get_absolute_url(), {**fields, "padding": padding})
    assert response.status_code == 302 and Comment.objects.count() == 1
    response = Client().post(article.get_absolute_url(), {**fields, "padding": padding * 2})
    assert response.status_code == 413 and Comment.objects.count() == 1


def test_nginx_caps_public_bodies_as_django_does_and_gives_more_to_uploads_only():
    conf = NGINX.read_text()
    sizes = re.findall(r"^\s*client_max_body_size (\S+);", conf, flags=re.MULTILINE)
    assert sizes == [f"{settings.PUBLIC_POST_MAX_BYTES // 1024}k", "30m", "12m"]
    uploads = conf.split("location ~ ^/(admin/|bien-tap/tai-anh/) {")[1].split("}")[0]
    assert "client_max_body_size 30m;" in uploads
    # A comment on a draft may carry a file: a little more than Django's own cap, so Django says why.
    consultations = conf.split("location ^~ /lay-y-kien/ {")[1].split("}")[0]
    assert "client_max_body_size 12m;" in consultations
    assert settings.CONSULTATION_POST_MAX_BYTES < 12 * 1024 * 1024
