"""An archived unit (a former district's portal): read-only, its content online and searchable."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, Comment
from stats.models import Feedback
from tests.articles.factories import make_article
from tests.traps import trap_fields
from tests.units import unit_under_test as the_test_unit

pytestmark = pytest.mark.django_db
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
CLOSED = "Cổng thông tin này chỉ còn lưu trữ nên không nhận nhận xét mới."


@pytest.fixture
def archived(unit):
    article = make_article("Huyện Sông Lam tổng kết năm 2024", lead="Báo cáo tổng kết của huyện cũ.")
    unit.archived = True
    unit.save()
    return article


def test_the_archive_stays_online_and_searchable_with_a_notice(client, archived):
    for path in ("/", archived.get_absolute_url(), "/tim-kiem/?q=tong+ket"):
        html = client.get(path).content.decode()
        assert "Huyện Sông Lam tổng kết năm 2024" in html, path
        assert "Cổng thông tin lưu trữ" in html, path


def test_an_open_unit_shows_no_archive_notice(client):
    make_article("Tin thường")
    assert "Cổng thông tin lưu trữ" not in client.get("/").content.decode()


def test_the_archive_takes_no_comments(client, archived):
    page = client.get(archived.get_absolute_url()).content.decode()
    assert CLOSED in page and 'id="comment-form"' not in page
    payload = {"name": "Nguyễn Văn A", "email": "", "body": "Xin hỏi thêm.", **trap_fields()}
    response = client.post(archived.get_absolute_url(), payload, HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 400
    assert CLOSED in response.content.decode()
    assert not Comment.objects.exists()


def test_the_archive_takes_no_ratings(client, archived):
    page = client.get(archived.get_absolute_url()).content.decode()
    assert "Cổng thông tin này chỉ còn lưu trữ nên không nhận đánh giá mới." in page
    assert "satisfaction-form" not in page
    payload = {"target": f"articles.article:{archived.pk}", "useful": "1", **trap_fields()}
    response = client.post("/danh-gia/", payload, HTTP_USER_AGENT=BROWSER_UA, follow=True)
    assert "Cổng thông tin này chỉ còn lưu trữ nên không nhận đánh giá mới." in response.content.decode()
    assert not Feedback.objects.exists()


def test_nothing_new_is_published_on_an_archived_unit(archived):
    draft = make_article("Tin mới", status=Article.Status.DRAFT)
    draft.status = Article.Status.PUBLISHED
    with pytest.raises(ValidationError, match="chỉ còn lưu trữ"):
        draft.full_clean()
    archived.title = "Huyện Sông Lam tổng kết năm 2024 (sửa lỗi chính tả)"
    archived.full_clean()  # what it published stays editable as it was


def test_an_open_unit_publishes_as_before():
    assert not the_test_unit().archived
    draft = make_article("Tin mới", status=Article.Status.DRAFT)
    draft.status = Article.Status.PUBLISHED
    draft.full_clean()
