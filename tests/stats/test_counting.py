"""What the middleware counts, and what it never counts."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from stats import services
from stats.middleware import VisitorStatsMiddleware
from stats.models import ArticleDailyViews, ArticleSeen, DailyStats, Visitor
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA

pytestmark = pytest.mark.django_db


def visits_today():
    return DailyStats.objects.filter(day=timezone.localdate()).values_list("visits", flat=True).first() or 0


def test_a_page_view_counts_one_visit_and_reloads_do_not(visitor_client):
    for _ in range(3):
        assert visitor_client.get("/").status_code == 200
    assert visits_today() == 1
    assert Visitor.objects.count() == 1


def test_no_address_or_user_agent_is_stored(visitor_client):
    visitor_client.get("/", REMOTE_ADDR="203.0.113.77")
    row = Visitor.objects.get()
    assert "203.0.113.77" not in str(row.__dict__)
    assert BROWSER_UA not in str(row.__dict__)
    assert len(row.visitor) == 32


def test_distinct_browsers_are_distinct_visitors(client):
    for number in range(4):
        client.get("/", HTTP_USER_AGENT=f"{BROWSER_UA} visitor/{number}")
    assert visits_today() == 4


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Zalo-Bot/1.0 (link preview)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
        "",
    ],
)
def test_bots_are_not_counted(client, user_agent):
    assert client.get("/", HTTP_USER_AGENT=user_agent).status_code == 200
    assert visits_today() == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile "
        "Safari/537.36 Zalo android/12100641 ZaloTheme/light ZaloLanguage/vn",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/124.0 "
        "Chrome/118.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.1 Mobile/15E148 Safari/604.1",
    ],
)
def test_people_in_vietnamese_browsers_are_counted(client, user_agent):
    client.get("/", HTTP_USER_AGENT=user_agent)
    assert visits_today() == 1


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}, {"HTTP_PURPOSE": "prefetch"}],
)
def test_prefetches_are_not_counted(visitor_client, headers):
    visitor_client.get("/", **headers)
    assert visits_today() == 0


def test_head_post_and_errors_are_not_counted(visitor_client):
    visitor_client.head("/")
    visitor_client.get("/khong-co-trang-nay/")
    visitor_client.post("/tim-kiem/")
    assert visits_today() == 0


@pytest.mark.parametrize("path", ["/admin/login/", "/rss/", "/robots.txt", "/sitemap.xml", "/static/css/portal.css"])
def test_admin_feeds_robots_sitemap_and_static_are_not_counted(visitor_client, path):
    visitor_client.get(path)
    assert visits_today() == 0


def test_logged_in_staff_are_not_counted(visitor_client):
    staff = get_user_model().objects.create_user("bientap-thu", password="mat-khau-dai-12345", is_staff=True)
    visitor_client.force_login(staff)
    visitor_client.get("/")
    assert visits_today() == 0


def _middleware_response(content_type, status=200):
    request = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER_UA)
    middleware = VisitorStatsMiddleware(lambda request: HttpResponse("x", content_type=content_type, status=status))
    return middleware(request)


def test_only_html_responses_count():
    _middleware_response("application/json")
    _middleware_response("text/plain")
    _middleware_response("text/html", status=302)
    assert visits_today() == 0
    _middleware_response("text/html; charset=utf-8")
    assert visits_today() == 1


class TestClientAddress:
    def test_forwarded_for_is_ignored_without_a_trusted_proxy(self, visitor_client):
        for number in range(3):
            visitor_client.get("/", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert visits_today() == 1

    def test_forwarded_for_from_a_trusted_proxy_names_the_visitor(self, visitor_client, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        for number in range(3):
            visitor_client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert visits_today() == 3

    def test_a_spoofed_forwarded_for_left_of_the_real_one_is_ignored(self, rf, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.1")
        assert services.client_address(request) == "203.0.113.9"

    def test_untrusted_remote_address_is_used_as_is(self, rf):
        request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
        assert services.client_address(request) == "203.0.113.5"


class TestArticleViews:
    def test_the_article_page_counts_once_per_visitor(self, visitor_client):
        article = make_article("Họp thường kỳ tháng 10")
        for _ in range(5):
            visitor_client.get(article.get_absolute_url())
        visitor_client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA + " khac")
        article.refresh_from_db()
        assert article.view_count == 2
        assert ArticleDailyViews.objects.get(article_id=article.pk).views == 2

    def test_thirty_minute_rule(self, rf):
        article = make_article()
        request = rf.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA)
        start = timezone.now().replace(hour=3, minute=0)  # 10:00 in Hà Nội, well inside one day
        for minutes, expected in [(0, 1), (10, 1), (29, 1), (30, 2), (45, 2), (61, 3)]:
            services.count_request(request, article_id=article.pk, now=start + datetime.timedelta(minutes=minutes))
            article.refresh_from_db()
            assert article.view_count == expected, minutes
        assert ArticleSeen.objects.count() == 1

    def test_a_cached_article_page_is_found_from_its_address(self, visitor_client, monkeypatch):
        article = make_article()
        # As when a page cache answers: the view never runs, so it never names the article.
        monkeypatch.setattr("articles.views.ArticleDetailView.get_object", _get_object_without_marking)
        visitor_client.get(article.get_absolute_url())
        assert Article.objects.get(pk=article.pk).view_count == 1

    def test_drafts_and_missing_articles_are_not_counted(self, visitor_client):
        draft = make_article(status=Article.Status.DRAFT)
        assert visitor_client.get(f"/tin-tuc/{draft.slug}/").status_code == 404
        assert Article.objects.get(pk=draft.pk).view_count == 0


def _get_object_without_marking(self, queryset=None):
    return Article.objects.public_page(self.kwargs["slug"])


def test_counting_costs_one_statement_on_postgresql_and_few_elsewhere(visitor_client):
    article = make_article()
    visitor_client.get("/")  # the salt is read once a day per process
    one_statement = connection.vendor == "postgresql"
    with CaptureQueriesContext(connection) as first:
        visitor_client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA + " x")
    # A new visitor on an article: visit row, day figure, seen row, the article's count, its day figure.
    assert len(_writes(first)) == (1 if one_statement else 5)
    with CaptureQueriesContext(connection) as reload:
        visitor_client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA + " x")
    # A reload: conditional upserts that change nothing.
    assert len(_writes(reload)) == (1 if one_statement else 2)
    with CaptureQueriesContext(connection) as other_page:
        visitor_client.get("/", HTTP_USER_AGENT=BROWSER_UA + " x")
    assert len(_writes(other_page)) == 1
    article.refresh_from_db()
    assert article.view_count == 1
    assert visits_today() == 2


def _writes(context):
    return [
        query["sql"] for query in context.captured_queries if query["sql"].startswith(("INSERT", "UPDATE", "WITH"))
    ]


def test_a_counting_failure_never_breaks_the_page(visitor_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "count_request", broken)
    assert visitor_client.get("/").status_code == 200
