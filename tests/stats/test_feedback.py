"""“Thông tin này có hữu ích với bạn không?”: one click, anonymous, once a day, moderated comments."""

import pytest
from django.contrib.messages import get_messages
from django.template import Context, Template
from django.test import Client, RequestFactory, override_settings

from stats.models import Feedback
from tests.articles.factories import make_article
from tests.core.test_ratelimit import REFUSED_REDIS
from tests.stats.conftest import BROWSER_UA
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db
LIMITED = "Bạn đã gửi quá nhiều đánh giá trong thời gian ngắn. Vui lòng thử lại sau."


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


def browser(number):
    """A different, real-looking browser for each number, as a bot rotating its agent sends."""
    return f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{number}.0"


def rate(article, *, agent=BROWSER_UA, remote="198.51.100.7", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    payload = {"target": f"articles.article:{article.pk}", "useful": "1", **trap_fields()}
    return Client(REMOTE_ADDR=remote, **extra).post("/danh-gia/", payload, HTTP_USER_AGENT=agent)


def test_rotating_the_agent_adds_only_a_few_answers_per_address(article, settings):
    settings.STATS_RATING_PER_ADDRESS = 3
    responses = [rate(article, agent=browser(number)) for number in range(50)]
    assert Feedback.objects.count() == 3
    assert any(LIMITED in message for message in messages_of(responses[-1]))
    # Another address (someone else) still answers.
    rate(article, remote="198.51.100.8")
    assert Feedback.objects.count() == 4


def test_people_sharing_an_address_answer_each_with_their_browser(article):
    """Behind one NAT, two browsers are two visitors; the same browser again is the same visitor."""
    rate(article, agent=browser(130))
    rate(article, agent=browser(131))
    again = rate(article, agent=browser(130))
    assert Feedback.objects.count() == 2
    assert any("đã đánh giá trang này hôm nay" in message for message in messages_of(again))


def test_the_rate_limit_holds_per_address_whatever_the_agent(settings):
    settings.STATS_RATING_RATE = (2, 600)
    for number in range(4):
        rate(make_article(), agent=browser(number))
    assert Feedback.objects.count() == 2


@pytest.mark.parametrize(
    "agent", ["", "curl/8.5.0", "python-requests/2.32.3", "Go-http-client/1.1", "Mozilla/5.0", "abc"]
)
def test_agents_no_browser_sends_cannot_rate(article, agent):
    response = rate(article, agent=agent)
    assert not Feedback.objects.exists()
    assert messages_of(response) == [LIMITED]  # the limit's words: nothing to learn from


def test_an_ipv6_subscriber_adds_one_address_worth_of_answers_to_a_page(article, settings):
    settings.STATS_RATING_PER_ADDRESS = 1
    for number in range(1, 9):
        rate(article, agent=browser(number), remote=f"2001:db8:1:2::{number:x}")
    assert Feedback.objects.count() == 1
    rate(article, remote="2001:db8:1:3::1")  # the next /64 is someone else
    assert Feedback.objects.count() == 2


def test_an_ipv6_subscriber_shares_one_rate_limit(settings):
    settings.STATS_RATING_RATE = (2, 600)
    for number in range(1, 9):
        rate(make_article(), remote=f"2001:db8:1:2::{number:x}")
    assert Feedback.objects.count() == 2


def test_behind_the_proxy_each_client_answers(article, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.STATS_RATING_PER_ADDRESS = 1
    for number in range(3):
        rate(article, remote="127.0.0.1", forwarded=f"198.51.100.{number}")
    assert Feedback.objects.count() == 3


@override_settings(CACHES=REFUSED_REDIS)
def test_with_redis_refused_ratings_are_still_limited(settings):
    settings.STATS_RATING_RATE = (2, 600)
    for _ in range(12):
        rate(make_article())
    assert Feedback.objects.count() == 2


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
