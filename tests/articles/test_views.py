"""The public side: lists, the article page, search, feeds, sitemap, comments and query budgets."""

import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article, Attachment, Comment
from tests.articles.factories import bulk_articles, make_article, make_category
from tests.stats.conftest import beacon_of
from tests.traps import trap_fields

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def category():
    return make_category("Tin tức - Sự kiện")


@pytest.fixture
def hidden(category):
    """One article of every kind that the public must never see."""
    now = timezone.now()
    return [
        make_article("Bài nháp bí mật", category=category, status=Article.Status.DRAFT),
        make_article("Bài chờ duyệt bí mật", category=category, status=Article.Status.PENDING),
        make_article("Bài đã gỡ bí mật", category=category, status=Article.Status.WITHDRAWN, published_at=now),
        make_article("Bài hẹn giờ bí mật", category=category, published_at=now + timezone.timedelta(days=1)),
    ]


def test_news_list_is_newest_first_and_paginated(client, category, settings):
    now = timezone.now()
    for day in range(12):
        make_article(f"Tin ngày {day}", category=category, published_at=now - timezone.timedelta(days=day))
    response = client.get("/tin-tuc/")
    titles = re.findall(r"Tin ngày (\d+)", response.content.decode())
    assert titles[:3] == ["0", "1", "2"]
    assert "Tin ngày 11" not in response.content.decode()
    assert "Trang 1 / 2" in response.content.decode()
    assert "Tin ngày 11" in client.get("/tin-tuc/?page=2").content.decode()


def test_news_list_filters_by_category_and_dates(client, category):
    other = make_category("Kinh tế")
    now = timezone.localtime()
    make_article("Tin cũ", category=category, published_at=now - timezone.timedelta(days=40))
    make_article("Tin mới", category=category, published_at=now - timezone.timedelta(hours=1))
    make_article("Tin kinh tế", category=other)
    page = client.get("/tin-tuc/", {"category": "kinh-te"}).content.decode()
    assert "Tin kinh tế" in page and "Tin mới" not in page
    since = (now - timezone.timedelta(days=10)).date()
    page = client.get("/tin-tuc/", {"from_date": since.isoformat()}).content.decode()
    assert "Tin mới" in page and "Tin cũ" not in page
    page = client.get("/tin-tuc/", {"to_date": since.strftime("%d/%m/%Y")}).content.decode()
    assert "Tin cũ" in page and "Tin mới" not in page


@pytest.mark.parametrize("params", [{"from_date": "32/13/2026"}, {"to_date": "hôm qua"}, {"from_date": "2026-02-30"}])
def test_an_invalid_date_gets_a_vietnamese_message(client, category, params):
    make_article("Tin vẫn hiện", category=category)
    response = client.get("/tin-tuc/", params)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ngày không hợp lệ" in page
    assert "Tin vẫn hiện" in page


def test_an_unknown_category_filter_gets_a_message(client, category):
    response = client.get("/tin-tuc/", {"category": "khong-co"})
    assert response.status_code == 200
    assert "Không có chuyên mục này." in response.content.decode()


def test_category_page_and_unknown_category(client, category):
    make_article("Tin trong chuyên mục", category=category)
    make_article("Tin chuyên mục khác")
    page = client.get(category.get_absolute_url()).content.decode()
    assert "Tin trong chuyên mục" in page and "Tin chuyên mục khác" not in page
    assert client.get("/chuyen-muc/khong-co/").status_code == 404


def test_announcements_page_keeps_expired_announcements(client):
    past = timezone.now() - timezone.timedelta(days=1)
    make_article("Thông báo đã hết hạn hộp", kind=Article.Kind.ANNOUNCEMENT, show_until=past)
    make_article("Một tin tức")
    page = client.get("/thong-bao/").content.decode()
    assert "Thông báo đã hết hạn hộp" in page
    assert "Một tin tức" not in page


@pytest.fixture
def full_article(category):
    related_public = make_article("Tin liên quan công khai", category=category)
    related_draft = make_article("Tin liên quan nháp", category=category, status=Article.Status.DRAFT)
    article = make_article(
        "Khởi công đường giao thông nông thôn",
        category=category,
        lead="Sáng 13/10, huyện khởi công tuyến đường mới.",
        body="<p>Tuyến đường dài 3 km.</p>",
        published_at=timezone.make_aware(timezone.datetime(2026, 10, 13, 14, 31)),
        view_count=1234,
        author="Thanh Tâm",
        source="Phòng Văn hóa và Thông tin",
        image="articles/anh.jpg",
        image_caption="Toàn cảnh lễ khởi công",
        image_alt="Lãnh đạo huyện cắt băng khởi công",
    )
    article.related.add(related_public, related_draft)
    attachment = Attachment(article=article, title="Quyết định phê duyệt dự án")
    attachment.file.save("quyet-dinh.pdf", ContentFile(PDF))
    Comment.objects.create(article=article, name="Bạn đọc A", email="a@example.com", body="Rất vui!", approved=True)
    Comment.objects.create(article=article, name="Bạn đọc B", body="Chưa duyệt", approved=False)
    return article


def test_article_page_shows_everything_a_citizen_reads(client, full_article):
    response = client.get(full_article.get_absolute_url())
    page = response.content.decode()
    assert beacon_of(response).startswith("/thong-ke/ghi/?a=")  # the beacon counts a view of this article
    assert '<h1 class="article-title">Khởi công đường giao thông nông thôn</h1>' in page
    assert "13/10/2026 14:31" in page
    assert re.search(r"Số lượt xem: <span data-article-views>1234</span>", page)
    assert "Sáng 13/10, huyện khởi công tuyến đường mới." in page
    assert "Tuyến đường dài 3 km." in page
    assert "(Toàn cảnh lễ khởi công)" in page
    assert 'alt="Lãnh đạo huyện cắt băng khởi công"' in page
    assert "Thanh Tâm" in page and "Phòng Văn hóa và Thông tin" in page
    assert "Quyết định phê duyệt dự án" in page
    assert "Tin liên quan công khai" in page and "Tin liên quan nháp" not in page
    assert "Rất vui!" in page and "Chưa duyệt" not in page
    assert "a@example.com" not in page
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F" in page
    assert "mailto:?subject=" in page and "zalo" in page.lower()
    # No third-party script: every script is served by the portal itself.
    for src in re.findall(r"<script[^>]*src=\"([^\"]+)\"", page):
        assert src.startswith("/static/")
    assert "<script>" not in page
    assert "Thêm nhận xét mới" in page


def test_hidden_articles_are_invisible_everywhere(client, category, hidden):
    make_article("Tin công khai về đường", category=category)
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
    pages = [
        client.get(url).content.decode()
        for url in ["/tin-tuc/", category.get_absolute_url(), "/thong-bao/", "/tim-kiem/?q=bi+mat", "/rss/"]
    ]
    pages.append(client.get(f"/rss/{category.slug}/").content.decode())
    pages += [client.get(url).content.decode() for url in ("/sitemap-tin-bai.xml", "/sitemap-chuyen-muc.xml")]
    for page in pages:
        assert "bí mật" not in page and "bi-mat" not in page
    assert "Tin công khai về đường" in pages[0]


def test_expired_announcement_leaves_the_box_but_stays_readable(client, unit):
    from django.template import Context, Template

    past = timezone.now() - timezone.timedelta(hours=1)
    expired = make_article("Thông báo lịch cúp điện", kind=Article.Kind.ANNOUNCEMENT, show_until=past)
    make_article("Thông báo tiếp dân", kind=Article.Kind.ANNOUNCEMENT, pinned=True)
    box = Template("{% load articles_tags %}{% announcements_box unit %}").render(Context({"unit": unit}))
    assert "Thông báo tiếp dân" in box and "lịch cúp điện" not in box
    assert 'class="box announcements-box"' in box and "box-title" in box
    assert client.get(expired.get_absolute_url()).status_code == 200


def test_the_box_holds_only_the_units_own_announcements(unit):
    from django.template import Context, Template

    from units.models import Unit

    sibling = Unit.objects.create(
        code="02", name="UBND xã Thanh Xuân", short_name="Xã Thanh Xuân", host="tx.localhost"
    )
    theirs = make_category(unit=sibling)
    make_article("Thông báo của xã bên", kind=Article.Kind.ANNOUNCEMENT, category=theirs, unit=sibling)
    make_article("Thông báo của xã mình", kind=Article.Kind.ANNOUNCEMENT)
    box = Template("{% load articles_tags %}{% announcements_box unit %}").render(Context({"unit": unit}))
    assert "Thông báo của xã mình" in box and "xã bên" not in box


def test_announcements_box_holds_eight_in_one_query_per_content_change(django_assert_num_queries, unit):
    from django.template import Context, Template

    from core import generation

    # As the sidebar keeps it: a {% cache %} fragment keyed by the content generation.
    box = Template(
        "{% load cache articles_tags %}{% cache 60 'box' generation %}{% announcements_box unit %}{% endcache %}"
    )
    for number in range(10):
        make_article(f"Thông báo số {number}", kind=Article.Kind.ANNOUNCEMENT, pinned=number == 9)
    with django_assert_num_queries(1):
        html = box.render(Context({"generation": generation.current(), "unit": unit}))
    assert html.count("<li") == 8
    assert html.index("Thông báo số 9") < html.index("Thông báo số 0")
    with django_assert_num_queries(0):
        box.render(Context({"generation": generation.current(), "unit": unit}))
    make_article("Thông báo mới nhất", kind=Article.Kind.ANNOUNCEMENT, pinned=True)
    assert "Thông báo mới nhất" in box.render(Context({"generation": generation.current(), "unit": unit}))


def test_an_announcement_leaves_the_box_when_its_time_is_up(monkeypatch, unit):
    from django.template import Context, Template

    box = Template("{% load articles_tags %}{% announcements_box unit %}")
    soon = timezone.now() + timezone.timedelta(seconds=30)
    make_article("Thông báo sắp hết hạn", kind=Article.Kind.ANNOUNCEMENT, show_until=soon)
    assert "Thông báo sắp hết hạn" in box.render(Context({"unit": unit}))
    # Half a minute later, with nothing saved in between: the kept list is filtered when drawn.
    later = soon + timezone.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Thông báo sắp hết hạn" not in box.render(Context({"unit": unit}))


class TestSearchPage:
    def test_accent_free_search_finds_the_article(self, client, category):
        make_article("UBND huyện họp thường kỳ tháng 10", category=category)
        make_article("Đường làng ngõ xóm", category=category)
        page = client.get("/tim-kiem/", {"q": "hop thuong ky"}).content.decode()
        assert "họp thường kỳ" in page and "Đường làng" not in page
        assert "Đường làng ngõ xóm" in client.get("/tim-kiem/", {"q": "duong"}).content.decode()

    def test_words_the_sanitizer_removed_from_the_body_are_not_found(self, client, category):
        make_article("Tin có mã ẩn", category=category, body="<p>Nội dung</p><script>secretword</script>")
        make_article("Tin có từ thật", category=category, body="<p>Từ khóa secretword hiện trên trang.</p>")
        page = client.get("/tim-kiem/", {"q": "secretword"}).content.decode()
        assert "Tin có từ thật" in page and "Tin có mã ẩn" not in page

    @pytest.mark.parametrize(
        "query", ["", "   ", "%_%", "' OR '1'='1", "<script>alert(1)</script>", "Ωμέγα 😀 中文", "a\x00b"]
    )
    def test_any_input_answers_normally(self, client, query):
        response = client.get("/tim-kiem/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()

    def test_a_ten_thousand_character_query_is_cut_with_a_message(self, client):
        response = client.get("/tim-kiem/", {"q": "đường " * 2000})
        assert response.status_code == 200
        assert "Từ khóa quá dài" in response.content.decode()


def test_feeds_list_published_articles(client, category):
    make_article("Tin RSS", category=category)
    response = client.get("/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Tin RSS" in response.content.decode()
    assert "Tin RSS" in client.get(f"/rss/{category.slug}/").content.decode()
    assert "Tin RSS" not in client.get(f"/rss/{make_category().slug}/").content.decode()
    assert client.get("/rss/khong-co/").status_code == 404


class TestComments:
    @pytest.fixture
    def article(self, category):
        return make_article("Tin có nhận xét", category=category)

    def post(self, client, article, **data):
        fields = {"name": "Nguyễn Văn An", "email": "", "body": "Cảm ơn tin bài.", **trap_fields()}
        fields.update(data)
        return client.post(article.get_absolute_url(), fields, REMOTE_ADDR="203.0.113.7")

    def test_a_comment_is_held_until_approved(self, client, article):
        response = self.post(client, article)
        assert response.status_code == 302
        comment = Comment.objects.get()
        assert not comment.approved
        page = client.get(article.get_absolute_url()).content.decode()
        assert "Nhận xét sẽ hiện sau khi được Ban biên tập duyệt" in page
        assert "Cảm ơn tin bài." not in page
        comment.approved = True
        comment.save()
        assert "Cảm ơn tin bài." in client.get(article.get_absolute_url()).content.decode()

    def test_the_honeypot_refuses_with_a_reason(self, client, article):
        response = self.post(client, article, website="http://spam.example")
        assert response.status_code == 400
        assert "dấu hiệu gửi tự động" in response.content.decode()
        assert not Comment.objects.exists()

    def test_too_long_and_empty_comments_are_refused_with_a_reason(self, client, article):
        page = self.post(client, article, body="x" * 2001).content.decode()
        assert "tối đa 2.000 ký tự" in page
        page = self.post(client, article, name="", body="").content.decode()
        assert "Vui lòng nhập họ tên." in page and "Vui lòng nhập nội dung nhận xét." in page
        assert not Comment.objects.exists()

    def test_rate_limit_per_visitor_without_keeping_the_address(self, client, article, settings):
        # The local-memory cache, whose keys this test reads, whatever REDIS_URL says.
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        settings.ARTICLES_COMMENT_RATE = (2, 600)
        assert self.post(client, article).status_code == 302
        assert self.post(client, article).status_code == 302
        response = self.post(client, article)
        assert response.status_code == 400
        assert "quá nhiều nhận xét" in response.content.decode()
        assert Comment.objects.count() == 2
        keys = list(cache._cache.keys())
        assert keys and not any("203.0.113.7" in key for key in keys)
        assert not any("203.0.113.7" in str(value) for value in Comment.objects.values_list())

    def test_no_comment_on_a_hidden_article(self, client, hidden):
        response = self.post(client, hidden[0])
        assert response.status_code == 404


# Query budgets: every public page costs the same with 5 or 500 articles.
BUDGET = 12


@pytest.fixture(params=[5, 500], ids=["5-articles", "500-articles"])
def many(request, category):
    bulk_articles(request.param, category=category)
    article = Article.objects.order_by("-published_at").first()
    article.related.add(*Article.objects.order_by("-published_at")[1:4])
    Comment.objects.create(article=article, name="A", body="B", approved=True)
    return article


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/",
        "/tin-tuc/?category={category}&from_date=2020-01-01&to_date=01/01/2100",
        "/tin-tuc/?page=last",
        "/chuyen-muc/{category}/",
        "/thong-bao/",
        "/tim-kiem/?q=tin+hang",
        "/tim-kiem/?q=tin+hang&pham-vi=tinh",
        "/rss/",
        "/sitemap.xml",
        "/sitemap-tin-bai.xml",
        "/rss/{category}/",
        "{article}",
    ],
)
def test_public_pages_have_a_query_budget(client, many, category, url, django_assert_max_num_queries):
    url = url.format(category=category.slug, article=many.get_absolute_url())
    client.get(url)  # warm caches (site settings, content types) as in production
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200


def test_rate_limit_behind_a_trusted_proxy_tells_visitors_apart(client, category, settings):
    settings.ARTICLES_COMMENT_RATE = (1, 600)
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    article = make_article("Tin sau proxy", category=category)
    fields = {"name": "An", "email": "", "body": "Nội dung", **trap_fields()}
    for address in ("198.51.100.1", "198.51.100.2"):
        response = client.post(
            article.get_absolute_url(), fields, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address
        )
        assert response.status_code == 302
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_a_very_common_word_ranks_only_the_newest_matches(client, monkeypatch):
    from articles import models as article_models
    from articles import views as article_views

    monkeypatch.setattr(article_models, "SEARCH_RESULT_LIMIT", 5)
    monkeypatch.setattr(article_views, "SEARCH_RESULT_LIMIT", 5)
    category = make_category("Kinh tế")
    for number in range(8):
        make_article(f"Nông thôn mới số {number}", category=category)
    html = client.get("/tim-kiem/", {"q": "nong thon"}).content.decode()
    assert "Tìm thấy 5 kết quả" in html
    assert "Chỉ hiện 5 kết quả mới nhất; hãy thêm từ khóa để thu hẹp." in html


@pytest.mark.django_db
def test_search_pages_keep_title_hits_first_across_pages(client, settings):
    category = make_category("Kinh tế")
    # 12 newer articles with the word in the body only, then 12 older ones with it in the title.
    for number in range(12):
        make_article(f"Tin số {number}", category=category, body="<p>Chuyển đổi số ở xã.</p>")
    for number in range(12):
        make_article(
            f"Chuyển đổi số bài {number}",
            category=category,
            published_at=timezone.now() - timezone.timedelta(days=30 + number),
        )
    first = client.get("/tim-kiem/", {"q": "chuyen doi so"}).content.decode()
    second = client.get("/tim-kiem/", {"q": "chuyen doi so", "page": 2}).content.decode()
    third = client.get("/tim-kiem/", {"q": "chuyen doi so", "page": 3}).content.decode()
    assert "Tìm thấy 24 kết quả" in first
    titles = [re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', html) for html in (first, second, third)]
    assert titles[0] == [f"Chuyển đổi số bài {number}" for number in range(10)]
    assert titles[1] == ["Chuyển đổi số bài 10", "Chuyển đổi số bài 11"] + [f"Tin số {n}" for n in range(8)]
    assert titles[2] == ["Tin số 8", "Tin số 9", "Tin số 10", "Tin số 11"]


@pytest.mark.django_db
def test_an_article_drawn_again_before_any_change_reads_nothing_and_an_edit_shows_at_once(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0  # as a page cache miss meets it: only the fragments are kept
    article = make_article("Tin không đính kèm")
    client.get(article.get_absolute_url())  # the page and its frame are drawn once per content change
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    page_queries = [q["sql"] for q in queries if "stats_" not in q["sql"]]  # the visitor figures aside
    assert page_queries == []
    assert "Chưa có ý kiến nào." in response.content.decode()
    article.title = "Tin đã sửa tiêu đề"
    article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Tin đã sửa tiêu đề |" in page and 'content="Tin đã sửa tiêu đề"' in page
    article.status = Article.Status.WITHDRAWN
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
class TestSharedSearchRanking:
    """When news breaks, readers search the same words: the matches are looked for once, until something changes."""

    def search(self, client, words, **params):
        return client.get("/tim-kiem/", {"q": words, **params}).content.decode()

    def matching_queries(self, client, words, **params):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            html = self.search(client, words, **params)
        return html, [q["sql"] for q in queries if "LIKE" in q["sql"]]

    def test_the_same_words_in_any_spelling_or_page_are_not_looked_for_again(self, client, settings):
        settings.PAGE_CACHE_SECONDS = 0
        for number in range(12):
            make_article(f"Bão số {number} gây mưa lớn")
        first, looked_for = self.matching_queries(client, "bão số")
        assert "Tìm thấy 12 kết quả" in first and len(looked_for) == 1
        for words, params in (("BAO SO", {}), ("bao  so", {"page": 2}), ("Bão Số", {})):
            html, looked_for = self.matching_queries(client, words, **params)
            assert "Tìm thấy 12 kết quả" in html and looked_for == []
        assert "Bão số 11 gây" in self.search(client, "bao so", page=2)

    def test_a_published_or_withdrawn_article_shows_in_the_next_search(self, client, settings):
        settings.PAGE_CACHE_SECONDS = 0
        make_article("Lịch cắt điện tuần này")
        assert "Tìm thấy 1 kết quả" in self.search(client, "cat dien")
        newer = make_article("Cắt điện đột xuất ở xã Tân Lập")
        assert "Tìm thấy 2 kết quả" in self.search(client, "cat dien")
        newer.status = Article.Status.WITHDRAWN
        newer.save()
        html = self.search(client, "cat dien")
        assert "Tìm thấy 1 kết quả" in html and "Tân Lập" not in html

    def test_a_scheduled_article_shows_once_its_time_has_come(self, client, settings, monkeypatch):
        settings.PAGE_CACHE_SECONDS = 0
        make_article("Thông báo tuyển dụng giáo viên")
        due = timezone.now() + timezone.timedelta(seconds=20)
        make_article("Kết quả tuyển dụng giáo viên", published_at=due)
        timeouts = {}
        original = cache.set
        monkeypatch.setattr(
            cache,
            "set",
            lambda key, value, timeout=None: timeouts.update({key: timeout}) or original(key, value, timeout),
        )
        assert "Tìm thấy 1 kết quả" in self.search(client, "tuyen dung")
        (kept_for,) = [timeout for key, timeout in timeouts.items() if key.startswith("search:")]
        assert 0 < kept_for <= 20  # never past the publication
        later = due + timezone.timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        cache.clear()  # the cache's own clock has let the ranking go by then
        assert "Tìm thấy 2 kết quả" in self.search(client, "tuyen dung")

    def test_it_can_be_turned_off(self, client, settings):
        settings.PAGE_CACHE_SECONDS = 0
        settings.SEARCH_CACHE_SECONDS = 0
        make_article("Tiêm chủng mở rộng")
        self.search(client, "tiem chung")
        assert len(self.matching_queries(client, "tiem chung")[1]) == 1
