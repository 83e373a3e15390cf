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
