"""The front page: featured article, latest news, a block per menu category, within a query budget."""

import json
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from meetings.models import Meeting
from tests.articles.factories import bulk_articles, make_article, make_category
from tests.meetings.factories import make_meeting
from tests.units import unit_settings

pytestmark = pytest.mark.django_db

# With an empty cache: site settings, menu, maintenance notices, announcements and the next scheduled
# publication (5); featured, latest, categories, blocks (4); upcoming and recent meetings with their
# chairs (4); the visitor counter (3). Most of the first and last groups are then cached for a minute.
HOME_QUERY_BUDGET = 16


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_empty_portal_says_so_in_words(client):
    html = client.get("/").content.decode()
    assert "Chưa có tin bài nào được đăng." in html


def test_featured_article_is_the_newest_of_the_featured_category(client):
    activities = make_category("Hoạt động của UBND")
    economy = make_category("Kinh tế")
    older = make_article(
        "Phiên họp thường kỳ tháng Mười", category=activities, published_at=timezone.now() - timezone.timedelta(days=2)
    )
    make_article("Giá lúa tăng", category=economy, published_at=timezone.now() - timezone.timedelta(hours=1))
    site = unit_settings()
    site.featured_category = activities
    site.save()

    html = client.get("/").content.decode()
    featured = html[html.index('class="featured"') : html.index('id="latest-title"')]
    assert "Phiên họp thường kỳ tháng Mười" in featured
    assert "Giá lúa tăng" not in featured
    latest = html[html.index('id="latest-title"') :]
    assert "Giá lúa tăng" in latest
    assert older.get_absolute_url() not in latest[: latest.index("</section>")]


def test_without_a_featured_category_the_newest_news_leads(client):
    make_article("Tin cũ", published_at=timezone.now() - timezone.timedelta(days=3))
    make_article("Tin mới nhất hôm nay", published_at=timezone.now() - timezone.timedelta(minutes=5))
    html = client.get("/").content.decode()
    featured = html[html.index('class="featured"') : html.index('id="latest-title"')]
    assert "Tin mới nhất hôm nay" in featured


def test_one_block_per_menu_category_with_its_newest_four(client):
    culture = make_category("Văn hóa - Xã hội", order=1)
    hidden = make_category("Lưu trữ", show_in_menu=False)
    now = timezone.now()
    for day in range(6):
        make_article(f"Lễ hội làng số {day}", category=culture, published_at=now - timezone.timedelta(days=day + 1))
    make_article("Tin lưu trữ ẩn", category=hidden, published_at=now - timezone.timedelta(days=30))
    make_article("Bản nháp chưa duyệt", category=culture, status=Article.Status.DRAFT)
    make_article("Tin hẹn giờ", category=culture, published_at=now + timezone.timedelta(hours=2))

    html = client.get("/").content.decode()
    block = html[html.index(f'id="category-{culture.pk}"') :]
    block = block[: block.index("</section>")]
    shown = re.findall(r"Lễ hội làng số (\d)", block)
    # The newest (day 0) is featured at the top of the page; the block shows the next four, newest first.
    assert shown == ["1", "2", "3", "4"]
    assert f'id="category-{hidden.pk}"' not in html
    assert "Bản nháp chưa duyệt" not in html and "Tin hẹn giờ" not in html


def test_home_page_shows_the_sidebar_boxes(client):
    make_article("Thông báo tuyển dụng viên chức", kind=Article.Kind.ANNOUNCEMENT)
    html = client.get("/").content.decode()
    assert "Thông báo tuyển dụng viên chức" in html
    for stat in ("online", "today", "week", "month", "total"):
        assert f'data-stat="{stat}"' in html


def test_home_page_query_budget_does_not_grow_with_categories(client, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own cost, not the cache's
    for number in range(8):
        bulk_articles(12, category=make_category(f"Chuyên mục {number}", order=number))
    for days in (-20, -10, -5, 3, 6, 9):
        meeting = make_meeting(starts_at=timezone.now() + timezone.timedelta(days=days), attendees=5)
        meeting.status = Meeting.Status.HELD if days < 0 else Meeting.Status.SCHEDULED
        meeting.save()
    client.get("/")
    cache.clear()
    with django_assert_max_num_queries(HOME_QUERY_BUDGET):
        response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="home-section category-block"') == 8
    assert html.count('class="meeting-row') == 6


def test_every_page_has_canonical_and_social_tags(client):
    article = make_article("Khánh thành cầu Bến Đò")
    html = client.get(article.get_absolute_url() + "?utm_source=zalo").content.decode()
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert '<meta property="og:title" content="Khánh thành cầu Bến Đò">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_article_page_carries_news_article_structured_data(client):
    article = make_article("Khánh thành cầu </script><script>alert(1)</script>", author="Thanh Tâm")
    html = client.get(article.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Khánh thành cầu </script>")
    assert data["author"] == {"@type": "Person", "name": "Thanh Tâm"}
    assert "<script>alert(1)" not in html


def test_measurement_tag_only_when_an_id_is_set(client, settings):
    settings.MEASUREMENT_SCRIPT_URL = "https://do-luong.example.gov.vn/tag.js"
    assert "data-website-id" not in client.get("/").content.decode()
    site = unit_settings()
    site.measurement_site_id = "12345"
    site.save()
    cache.clear()
    html = client.get("/").content.decode()
    assert '<script async src="https://do-luong.example.gov.vn/tag.js" data-website-id="12345"></script>' in html


def test_pagination_shows_where_the_reader_is(client):
    bulk_articles(130, category=make_category("Kinh tế"))
    html = client.get("/tin-tuc/?page=4").content.decode()
    nav = html[html.index('class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Trang 4 / " in nav
    assert '<span class="current" aria-current="page">4</span>' in nav
    assert 'href="?page=1"' in nav and 'rel="prev" href="?page=3"' in nav and 'rel="next" href="?page=5"' in nav
    assert "…" in nav


def test_article_page_asks_whether_it_was_useful(client):
    article = make_article("Lịch tiếp công dân tháng 12")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Thông tin này có hữu ích với bạn không?" in html
    assert f'value="articles.article:{article.pk}"' in html
