"""“Thông tin này có hữu ích với bạn không?”: one click, anonymous, once a day, moderated comments."""

import pytest
from django.contrib.messages import get_messages
from django.template import Context, Template
from django.test import RequestFactory

from stats.models import Feedback
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Kết luận phiên họp thường kỳ")


def post(client, article, **data):
    payload = {"target": f"articles.article:{article.pk}", "useful": "1", **trap_fields(), **data}
    return client.post("/danh-gia/", payload, HTTP_USER_AGENT=BROWSER_UA)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_form_works_without_javascript(article):
    request = RequestFactory().get("/")
    html = Template("{% load stats_tags %}{% satisfaction_rating article %}").render(
        Context({"article": article, "request": request})
    )
    assert "Thông tin này có hữu ích với bạn không?" in html
    assert 'method="post"' in html and 'action="/danh-gia/"' in html
    assert 'name="useful" value="1"' in html and 'name="useful" value="0"' in html
    assert f'value="articles.article:{article.pk}"' in html
    assert 'maxlength="500"' in html
    assert "<script" not in html


def test_an_answer_is_kept_anonymously_and_thanked(client, article):
    response = post(client, article, useful="0", comment="Nên đăng thêm lịch tiếp dân.")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#danh-gia"
    feedback = Feedback.objects.get()
    assert feedback.useful is False
    assert feedback.approved is False  # held until an editor approves it
    assert len(feedback.visitor) == 32
    assert "127.0.0.1" not in str(feedback.__dict__)
    assert any("Cảm ơn" in message for message in messages_of(response))


def test_one_answer_per_visitor_page_and_day(client, article):
    post(client, article)
    response = post(client, article, useful="0")
    assert Feedback.objects.count() == 1
    assert Feedback.objects.get().useful is True
    assert any("đã đánh giá trang này hôm nay" in message for message in messages_of(response))
    other = make_article()
    post(client, other)
    assert Feedback.objects.count() == 2


def test_a_long_comment_is_refused_with_a_message(client, article):
    response = post(client, article, comment="x" * 501)
    assert response.status_code == 302
    assert not Feedback.objects.exists()
    assert any("500" in message for message in messages_of(response))


def test_a_missing_answer_is_refused_with_a_message(client, article):
    response = post(client, article, useful="")
    assert not Feedback.objects.exists()
    assert any("Có hoặc Không" in message for message in messages_of(response))


@pytest.mark.parametrize(
    "target", ["", "auth.user:1", "articles.article:999999", "articles.article:abc", "khong.co:1", "x" * 300]
)
def test_unknown_or_hidden_pages_are_refused(client, target):
    response = client.post("/danh-gia/", {"target": target, "useful": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not Feedback.objects.exists()
    assert any("Không tìm thấy" in message for message in messages_of(response))


def test_a_draft_cannot_be_rated(client):
    from articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    post(client, draft)
    assert not Feedback.objects.exists()


def test_answers_are_rate_limited(client, settings):
    settings.STATS_RATING_RATE = (2, 600)
    articles = [make_article() for _ in range(4)]
    responses = [post(client, article) for article in articles]
    assert Feedback.objects.count() == 2
    assert any("quá nhiều" in message for message in messages_of(responses[-1]))


def test_get_is_not_allowed(client):
    assert client.get("/danh-gia/").status_code == 405


def test_an_answer_costs_a_few_queries_however_many_exist(client, article, django_assert_max_num_queries):
    from django.utils import timezone

    for number in range(200):
        Feedback.objects.create(page=article, day=timezone.localdate(), visitor=f"{number:032d}", useful=True)
    post(client, make_article())  # the day's salt and the content type are read once
    with django_assert_max_num_queries(6):
        post(client, article)
    assert Feedback.objects.count() == 202
