"""robots.txt and the sitemaps that search engines read."""

import pytest

from articles.models import Article
from tests.articles.factories import make_article
from website.models import Page

pytestmark = pytest.mark.django_db


def test_robots_keeps_crawlers_out_of_the_back_office_and_names_the_sitemap(client, django_assert_num_queries):
    client.get("/robots.txt")  # the page cache learns once per content change when to expire pages
    with django_assert_num_queries(0):
        response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_robots_disallows_the_views_marked_hidden_and_no_public_page(client):
    disallowed = {line.removeprefix("Disallow: ") for line in client.get("/robots.txt").content.decode().splitlines()}
    # The admin, the search, the editors' preview and upload, the language switch, the rating POST, the beacon.
    hidden = {"/admin/", "/tim-kiem/", "/bien-tap/xem-truoc/", "/bien-tap/tai-anh/", "/ngon-ngu/", "/danh-gia/"}
    assert hidden | {"/thong-ke/ghi/"} <= disallowed
    for public in ("/", "/tin-tuc/", "/chuyen-muc/", "/trang/", "/lich-hop/", "/lich-cong-tac/", "/rss/"):
        assert not any(public.startswith(path) or path == "/" for path in disallowed), public


def test_hidden_views_tell_search_engines_not_to_index_them(client):
    article = make_article("Tin công khai")
    assert client.get("/tim-kiem/?q=huyen")["X-Robots-Tag"] == "noindex"
    assert client.get("/ngon-ngu/?language=en&next=/")["X-Robots-Tag"] == "noindex"
    assert client.get(f"/bien-tap/xem-truoc/{article.pk}/")["X-Robots-Tag"] == "noindex"  # the log-in redirect
    assert "X-Robots-Tag" not in client.get(article.get_absolute_url())
    assert "X-Robots-Tag" not in client.get("/")


def test_sitemap_lists_public_content_only(client):
    public = make_article("Tin đã đăng")
    draft = make_article("Bản nháp", status=Article.Status.DRAFT)
    page = Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Huyện</p>")

    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-tin-bai.xml" in index
    articles = client.get("/sitemap-tin-bai.xml").content.decode()
    assert public.get_absolute_url() in articles
    assert draft.slug not in articles
    assert page.get_absolute_url() in client.get("/sitemap-trang.xml").content.decode()
