"""What the beacon counts, and what it never counts: a reader opens a page and their browser calls its beacon."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article
from core.clients import client_address
from stats import services
from stats.models import ArticleDailyViews, ArticleSeen, DailyStats, Visitor
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA, read

pytestmark = pytest.mark.django_db


def visits_today():
    return DailyStats.objects.filter(day=timezone.localdate()).values_list("visits", flat=True).first() or 0


def test_a_page_view_counts_one_visit_and_reloads_do_not(visitor_client):
    for _ in range(3):
        assert read(visitor_client, "/")[0].status_code == 200
    assert visits_today() == 1
    assert Visitor.objects.count() == 1


def test_no_address_or_user_agent_is_stored(visitor_client):
    read(visitor_client, "/", REMOTE_ADDR="203.0.113.77")
    row = Visitor.objects.get()
    assert "203.0.113.77" not in str(row.__dict__)
    assert BROWSER_UA not in str(row.__dict__)
    assert len(row.visitor) == 32


def test_distinct_browsers_are_distinct_visitors(client):
    for number in range(4):
        read(client, "/", HTTP_USER_AGENT=f"{BROWSER_UA} visitor/{number}")
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
    assert read(client, "/", HTTP_USER_AGENT=user_agent)[0].status_code == 200
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
    read(client, "/", HTTP_USER_AGENT=user_agent)
    assert visits_today() == 1


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}, {"HTTP_PURPOSE": "prefetch"}],
)
def test_prefetches_are_not_counted(visitor_client, headers):
    read(visitor_client, "/", **headers)
    assert visits_today() == 0


def test_head_post_and_errors_are_not_counted(visitor_client):
    visitor_client.head("/")
    read(visitor_client, "/khong-co-trang-nay/")
    visitor_client.post("/tim-kiem/")
    assert visits_today() == 0


@pytest.mark.parametrize("path", ["/admin/login/", "/rss/", "/robots.txt", "/sitemap.xml", "/static/css/portal.css"])
def test_admin_feeds_robots_sitemap_and_static_are_not_counted(visitor_client, path):
    assert read(visitor_client, path)[1] is None
    assert visits_today() == 0


def test_every_public_page_carries_the_beacon_and_error_pages_none(visitor_client):
    article = make_article()
    for path in ["/", "/tin-tuc/", "/thong-bao/", "/tim-kiem/?q=hop", article.get_absolute_url(), "/lich-hop/"]:
        assert read(visitor_client, path)[1] is not None, path
    assert read(visitor_client, "/khong-co-trang-nay/")[1] is None


def test_a_beacon_called_from_another_site_is_not_counted(visitor_client):
    page = visitor_client.get("/")
    url = page.content.decode().split('data-stats-beacon="')[1].split('"')[0]
    visitor_client.post(url, HTTP_SEC_FETCH_SITE="cross-site")
    assert visits_today() == 0
    visitor_client.post(url, HTTP_SEC_FETCH_SITE="same-origin")
    assert visits_today() == 1


def test_the_noscript_image_counts_and_is_a_picture(visitor_client):
    article = make_article()
    page = visitor_client.get(article.get_absolute_url())
    url = page.content.decode().split('<img src="')[-1].split('"')[0].replace("&amp;", "&")
    answer = visitor_client.get(url, HTTP_SEC_FETCH_DEST="image", HTTP_ACCEPT="image/avif,image/webp,*/*")
    assert answer["Content-Type"] == "image/gif" and "no-store" in answer["Cache-Control"]
    article.refresh_from_db()
    assert (visits_today(), article.view_count) == (1, 1)


def test_a_forged_article_token_counts_the_visit_but_no_view(visitor_client):
    article = make_article()
    visitor_client.post(f"/thong-ke/ghi/?a={article.pk}:forged", HTTP_SEC_FETCH_SITE="same-origin")
    article.refresh_from_db()
    assert (visits_today(), article.view_count) == (1, 0)


def test_logged_in_staff_are_not_counted(visitor_client):
    staff = get_user_model().objects.create_user("bientap-thu", password="mat-khau-dai-12345", is_staff=True)
    visitor_client.force_login(staff)
    read(visitor_client, "/")
    assert visits_today() == 0


class TestClientAddress:
    def test_forwarded_for_is_ignored_without_a_trusted_proxy(self, visitor_client):
        for number in range(3):
            read(visitor_client, "/", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert visits_today() == 1

    def test_forwarded_for_from_a_trusted_proxy_names_the_visitor(self, visitor_client, settings):
        settings.TRUSTED_PROXIES = ["127.0.0.1"]
        for number in range(3):
            read(visitor_client, "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
        assert visits_today() == 3

    def test_a_spoofed_forwarded_for_left_of_the_real_one_is_ignored(self, rf, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.1")
        assert client_address(request) == "203.0.113.9"

    def test_untrusted_remote_address_is_used_as_is(self, rf):
        request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
        assert client_address(request) == "203.0.113.5"


class TestArticleViews:
    def test_the_article_page_counts_once_per_visitor(self, visitor_client):
        article = make_article("Họp thường kỳ tháng 10")
        for _ in range(5):
            read(visitor_client, article.get_absolute_url())
        _, answer = read(visitor_client, article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA + " khac")
        assert answer["views"] == 2
        article.refresh_from_db()
        assert article.view_count == 2
        assert ArticleDailyViews.objects.get(article_id=article.pk).views == 2

    def test_thirty_minute_rule(self, rf, unit):
        article = make_article()
        request = rf.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER_UA)
        start = timezone.now().replace(hour=3, minute=0)  # 10:00 in Hà Nội, well inside one day
        for minutes, expected in [(0, 1), (10, 1), (29, 1), (30, 2), (45, 2), (61, 3)]:
            services.count_view(
                request, unit=unit, article=article.pk, now=start + datetime.timedelta(minutes=minutes)
            )
            article.refresh_from_db()
            assert article.view_count == expected, minutes
        assert ArticleSeen.objects.count() == 1

    def test_drafts_and_missing_articles_are_not_counted(self, visitor_client):
        draft = make_article(status=Article.Status.DRAFT)
        page, answer = read(visitor_client, f"/tin-tuc/{draft.slug}/")
        assert (page.status_code, answer) == (404, None)
        assert Article.objects.get(pk=draft.pk).view_count == 0


def test_reloads_change_nothing_and_other_pages_only_the_visit(visitor_client):
    article = make_article()
    read(visitor_client, article.get_absolute_url())
    read(visitor_client, article.get_absolute_url())
    _, answer = read(visitor_client, "/")
    article.refresh_from_db()
    assert (visits_today(), article.view_count, answer["views"]) == (1, 1, None)
    assert answer["figures"]["today"] >= 0


def test_one_address_brings_a_bounded_number_of_visitors(client, settings):
    settings.STATS_VISITORS_PER_ADDRESS = 5
    article = make_article()
    for number in range(40):
        read(client, article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER_UA} rotating/{number}")
    article.refresh_from_db()
    # Five browsers, then every further one is the address's one overflow visitor.
    assert (visits_today(), article.view_count) == (6, 6)
    read(client, "/", HTTP_USER_AGENT=f"{BROWSER_UA} rotating/1", REMOTE_ADDR="198.51.100.1")
    assert visits_today() == 7


def test_a_counting_failure_never_breaks_the_page(visitor_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "count_view", broken)
    page, answer = read(visitor_client, "/")
    assert page.status_code == 200 and answer["views"] is None
