"""The content model: slugs, NFC, sanitizing, visibility and accent-free search."""

import unicodedata

import pytest
from django.utils import timezone

from articles import models as article_models
from articles.models import Article, Category, search_terms
from tests.articles.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title_without_any_diacritic():
    article = make_article("Đường giao thông nông thôn")
    assert article.slug == "duong-giao-thong-nong-thon"
    assert article.get_absolute_url() == "/tin-tuc/duong-giao-thong-nong-thon/"


def test_slugs_are_unique_and_stay_when_the_title_changes():
    category = make_category("Kinh tế")
    first = make_article("Họp thường kỳ", category=category)
    second = make_article("Họp thường kỳ", category=category)
    assert second.slug == "hop-thuong-ky-2"
    first.title = "Họp thường kỳ tháng 10"
    first.save()
    first.refresh_from_db()
    assert first.slug == "hop-thuong-ky"


def test_an_editor_may_choose_the_slug():
    article = make_article("Tiêu đề dài", slug="tieu-de-ngan")
    assert article.slug == "tieu-de-ngan"


def test_category_slug_and_menu():
    shown = make_category("Văn hóa - Xã hội", order=2)
    make_category("Ẩn", show_in_menu=False)
    first = make_category("Thông báo", order=1)
    assert shown.slug == "van-hoa-xa-hoi"
    assert list(Category.objects.in_menu()) == [first, shown]
    assert shown.get_absolute_url() == "/chuyen-muc/van-hoa-xa-hoi/"


def test_text_arriving_in_nfd_is_stored_in_nfc():
    title = unicodedata.normalize("NFD", "Hội nghị tổng kết")
    lead = unicodedata.normalize("NFD", "Sáng nay, UBND huyện")
    body = unicodedata.normalize("NFD", "<p>Đường làng</p>")
    article = make_article(title, lead=lead, body=body)
    article.refresh_from_db()
    assert article.title == unicodedata.normalize("NFC", title) != title
    assert unicodedata.is_normalized("NFC", article.lead)
    assert unicodedata.is_normalized("NFC", article.body)
    assert article.slug == "hoi-nghi-tong-ket"


def test_rich_text_is_sanitized_on_save():
    article = make_article(body='<p onclick="x()">Tin <script>alert(1)</script><a href="javascript:x">a</a></p>')
    article.refresh_from_db()
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript" not in article.body


def test_published_hides_drafts_pending_withdrawn_and_future_articles():
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.PENDING)
    make_article(status=Article.Status.WITHDRAWN, published_at=timezone.now())
    make_article(published_at=timezone.now() + timezone.timedelta(hours=1))
    assert list(Article.objects.published()) == [visible]


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(monkeypatch):
    scheduled = make_article(published_at=timezone.now() + timezone.timedelta(hours=2))
    assert scheduled.is_scheduled
    assert not Article.objects.published().exists()
    later = timezone.now() + timezone.timedelta(hours=3)
    monkeypatch.setattr(article_models.timezone, "now", lambda: later)
    assert list(Article.objects.published()) == [scheduled]


def test_news_announcements_and_category():
    category = make_category()
    news = make_article(category=category)
    notice = make_article(kind=Article.Kind.ANNOUNCEMENT)
    assert list(Article.objects.news()) == [news]
    assert list(Article.objects.announcements()) == [notice]
    assert list(Article.objects.in_category(category)) == [news]


def test_current_announcements_leave_out_expired_ones_and_put_pinned_first():
    now = timezone.now()
    older_pinned = make_article(
        "Lịch tiếp dân", kind="announcement", pinned=True, published_at=now - timezone.timedelta(days=3)
    )
    newer = make_article("Thông báo tuyển dụng", kind="announcement", show_until=now + timezone.timedelta(days=1))
    make_article("Hết hạn", kind="announcement", show_until=now - timezone.timedelta(minutes=1))
    make_article("Tin thường")
    assert list(Article.objects.current_announcements()) == [older_pinned, newer]


class TestSearch:
    @pytest.fixture
    def articles(self):
        category = make_category()
        return {
            "meeting": make_article("UBND huyện họp thường kỳ tháng 10", category=category),
            "road": make_article(
                "Khánh thành cầu mới", category=category, body="<p>Đường giao thông liên xã đã hoàn thành.</p>"
            ),
            "title_road": make_article(
                "Đường làng sạch đẹp",
                category=category,
                published_at=timezone.now() - timezone.timedelta(days=30),
            ),
            "draft": make_article("Đường nháp", category=category, status=Article.Status.DRAFT),
        }

    def test_accents_and_case_are_ignored(self, articles):
        assert list(Article.objects.published().search("hop thuong ky")) == [articles["meeting"]]
        assert list(Article.objects.published().search("HỌP THƯỜNG KỲ")) == [articles["meeting"]]
        nfd = unicodedata.normalize("NFD", "họp thường kỳ")
        assert list(Article.objects.published().search(nfd)) == [articles["meeting"]]

    def test_title_hits_come_first(self, articles):
        # The older article has "Đường" in its title, the newer one only in its body.
        found = list(Article.objects.published().search("duong"))
        assert found == [articles["title_road"], articles["road"]]

    def test_lead_is_searched(self, articles):
        assert set(Article.objects.published().search("sapo")) == {
            articles["meeting"],
            articles["road"],
            articles["title_road"],
        }

    def test_only_the_text_readers_see_is_searched(self, articles):
        hidden = make_article("Mã ẩn", body="<p>Tin</p><script>secretword()</script><style>.secretword{}</style>")
        visible = make_article("Từ thật", body="<p>Có <strong>secretword</strong> trong bài.</p>")
        assert list(Article.objects.published().search("secretword")) == [visible]
        hidden.body = "<p>Giờ thì secretword hiện ra.</p>"
        hidden.save()
        assert set(Article.objects.published().search("secretword")) == {hidden, visible}

    @pytest.mark.parametrize("query", ["%", "_", "' OR 1=1 --", '"; DROP TABLE x;', "\\", "😀 ∑ 中文", "\x00"])
    def test_metacharacters_find_nothing_and_do_not_fail(self, articles, query):
        assert list(Article.objects.published().search(query)) == []

    def test_a_huge_query_is_cut(self, articles):
        assert len(search_terms("hop " * 5000)) <= article_models.SEARCH_MAX_WORDS
        assert list(Article.objects.published().search("hop thuong ky " + "x" * 10000)) == []


def test_search_columns_have_trigram_indexes_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigram indexes exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article'")
        indexes = dict(cursor.fetchall())
    assert "gin_trgm_ops" in indexes["articles_article_search_text_trgm"]
    assert "gin_trgm_ops" in indexes["articles_article_search_title_trgm"]


def test_the_migration_rebuilds_search_texts_folded_before_sanitizing():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0004_rebuild_search_text_from_sanitized_body")
    article = make_article("Tin cũ", body="<p>Nội dung</p>")
    # As an article saved before the fix: its search text still holds the words of a removed script.
    Article.objects.filter(pk=article.pk).update(search_text="tin cu noi dung secretword")
    assert list(Article.objects.published().search("secretword")) == [article]
    migration.rebuild_search_text(apps, None)
    assert list(Article.objects.published().search("secretword")) == []
    assert list(Article.objects.published().search("noi dung")) == [article]
