"""Public pages are the same for every anonymous reader, so that they can be cached and shared."""

import pytest
from django.test import Client

from articles.models import Article
from tests.articles.factories import make_article
from tests.traps import trap_fields
from website.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Khánh thành cầu Bến Đò", kind=Article.Kind.NEWS)


@pytest.mark.parametrize(
    "path", ["/", "/tin-tuc/", "/thong-bao/", "/tim-kiem/?q=cau", "ARTICLE", "/trang/gioi-thieu/"]
)
def test_no_cookie_and_no_per_reader_content(client, article, path):
    Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Huyện</p>")
    path = article.get_absolute_url() if path == "ARTICLE" else path
    first = client.get(path)
    second = Client().get(path)
    assert first.status_code == 200
    assert not first.cookies, f"{path} sets {list(first.cookies)}"
    assert first.content == second.content


def test_comment_and_rating_forms_post_without_a_csrf_token(article):
    client = Client(enforce_csrf_checks=True)
    comment = client.post(
        article.get_absolute_url(), {"name": "Lan", "email": "", "body": "Cầu đẹp quá, cảm ơn huyện.", **trap_fields()}
    )
    assert comment.status_code == 302
    assert article.comments.count() == 1
    rating = client.post(
        "/danh-gia/",
        {"target": f"articles.article:{article.pk}", "useful": "1", **trap_fields()},
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36",
    )
    assert rating.status_code == 302
