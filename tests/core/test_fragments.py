"""The site chrome is kept in {% cache %} fragments per content generation, yet every reader sees their page.

These tests run with the page cache off, so that what they see comes from the cached fragments and
not from a cached page.
"""

import re

import pytest
from django.test import Client

from articles.models import Article
from tests.articles.factories import make_article, make_category
from tests.traps import trap_fields
from tests.units import unit_settings
from website.models import MenuItem

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.STATS_REDIS_URL = ""


def page(path, client=None, **params):
    response = (client or Client(HTTP_USER_AGENT=BROWSER)).get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def current_menu_items(html):
    return re.findall(r'<li><a href="([^"]+)" aria-current="page">', html)


def test_a_settings_change_shows_in_banner_and_footer_on_the_next_page():
    article = make_article("Tin bất kỳ")
    page(article.get_absolute_url())
    site = unit_settings()
    site.unit.name = "Ủy ban nhân dân xã Hòa Bình"
    site.address = "Thôn Trung, xã Hòa Bình"
    site.save()
    site.unit.save()
    html = page(article.get_absolute_url())
    assert '<span class="unit-name">Ủy ban nhân dân xã Hòa Bình</span>' in html
    assert "Thôn Trung, xã Hòa Bình" in html


def test_a_new_menu_item_shows_on_the_next_page():
    make_article("Tin bất kỳ")
    page("/")
    category = make_category("Nông thôn mới")
    MenuItem.objects.create(label="Nông thôn mới", target=MenuItem.Target.CATEGORY, category=category)
    assert f'href="{category.get_absolute_url()}">Nông thôn mới</a>' in page("/")


def test_the_menu_marks_the_page_the_reader_is_on_and_no_other():
    economy, culture = make_category("Kinh tế"), make_category("Văn hóa")
    for category in (economy, culture):
        MenuItem.objects.create(label=category.name, target=MenuItem.Target.CATEGORY, category=category)
        make_article(category=category)
    article = make_article(category=economy)
    assert current_menu_items(page(economy.get_absolute_url())) == [economy.get_absolute_url()]
    assert current_menu_items(page(culture.get_absolute_url())) == [culture.get_absolute_url()]
    assert current_menu_items(page(article.get_absolute_url())) == []
    assert current_menu_items(page(economy.get_absolute_url())) == [economy.get_absolute_url()]


def test_each_reader_gets_the_chrome_in_their_own_language():
    article = make_article("Tin bất kỳ")
    english = Client(HTTP_USER_AGENT=BROWSER)
    english.get("/ngon-ngu/", {"language": "en", "next": "/"})
    assert "Search" in page(article.get_absolute_url(), english)
    vietnamese = page(article.get_absolute_url())
    assert "Tìm kiếm" in vietnamese and ">Search<" not in vietnamese
    assert "Thêm nhận xét mới" in vietnamese


def test_the_search_box_keeps_the_words_of_each_reader():
    make_article("Họp thường kỳ tháng 10")
    assert 'name="q" maxlength="200" placeholder="Tìm kiếm…" value="hop thuong ky"' in page(
        "/tim-kiem/", q="hop thuong ky"
    )
    assert 'value="nong thon"' in page("/tim-kiem/", q="nong thon")
    assert 'placeholder="Tìm kiếm…" value=""' in page("/")


def test_the_language_links_come_back_to_the_page_being_read():
    first, second = make_article("Tin thứ nhất"), make_article("Tin thứ hai")
    for article in (first, second):
        html = page(article.get_absolute_url())
        link = re.search(r'href="(/ngon-ngu/\?language=en[^"]*)"', html).group(1).replace("&amp;", "&")
        response = Client(HTTP_USER_AGENT=BROWSER).get(link)
        assert response.status_code == 302 and response["Location"] == article.get_absolute_url()


def test_the_comment_form_drawn_once_posts_to_each_article():
    first, second = make_article("Tin thứ nhất"), make_article("Tin thứ hai")
    page(first.get_absolute_url())
    html = page(second.get_absolute_url())
    # The form posts to the page it is on: the second article, not the first.
    assert '<form class="comment-form" method="post" action="#nhan-xet"' in html
    response = Client(HTTP_USER_AGENT=BROWSER).post(
        second.get_absolute_url(), {"name": "Lê Văn Hòa", "email": "", "body": "Cảm ơn Ban biên tập.", **trap_fields()}
    )
    assert response.status_code == 302
    assert second.comments.get().body == "Cảm ơn Ban biên tập."
    assert not first.comments.exists()


def test_a_refused_comment_shows_its_errors_and_not_the_blank_form():
    article = make_article("Tin bất kỳ")
    page(article.get_absolute_url())
    response = Client(HTTP_USER_AGENT=BROWSER).post(article.get_absolute_url(), {"name": "", "body": ""})
    html = response.content.decode()
    assert response.status_code == 400 and 'class="form-errors"' in html
    assert 'class="form-errors"' not in page(article.get_absolute_url())


def test_the_announcements_box_follows_publication_with_the_page_cache_off():
    make_article("Tin bất kỳ")
    assert "Lịch tiếp công dân tháng 12" not in page("/")
    make_article("Lịch tiếp công dân tháng 12", kind=Article.Kind.ANNOUNCEMENT)
    assert "Lịch tiếp công dân tháng 12" in page("/")


def test_a_list_is_counted_once_until_something_is_published():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    category = make_category("Kinh tế")
    for number in range(11):
        make_article(f"Tin kinh tế {number}", category=category)
    assert "Trang 1 / 2" in page(category.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert "Trang 1 / 2" in page(category.get_absolute_url())
    assert not [q for q in queries if "COUNT(" in q["sql"]]
    for number in range(10):
        make_article(f"Tin kinh tế mới {number}", category=category)
    assert "Trang 1 / 3" in page(category.get_absolute_url())


def test_a_list_total_is_shared_through_the_cache():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    category = make_category("Xã hội")
    for number in range(11):
        make_article(f"Tin xã hội {number}", category=category)
    assert "Trang 1 / 2" in page(category.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert "Trang 2 / 2" in page(category.get_absolute_url() + "?page=2")
    assert not [q for q in queries if "COUNT(" in q["sql"]]


def test_the_frame_of_a_page_costs_no_query_once_drawn(django_assert_max_num_queries):
    article = make_article("Tin bất kỳ")
    site = unit_settings()
    site.address = "Thôn Trung, xã Hòa Bình"
    site.save()
    page(article.get_absolute_url())
    # At most the visitor figures are read again: the article, banner, menu, footer and box are kept.
    with django_assert_max_num_queries(2):
        assert "Thôn Trung" in page(article.get_absolute_url())


def test_an_article_read_at_a_serving_alias_links_to_itself_there(settings):
    """Its head is kept like its content, yet og:url and DC.identifier name the host the reader used."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    article = make_article("Tin đọc ở hai địa chỉ")
    path = article.get_absolute_url()
    page(path)
    at_alias = page(path, Client(HTTP_USER_AGENT=BROWSER, HTTP_HOST="localhost"))
    assert f'<meta property="og:url" content="http://localhost{path}">' in at_alias
    assert f'<meta name="DC.identifier" content="http://localhost{path}">' in at_alias
    assert f'<meta property="og:url" content="http://testserver{path}">' in page(path)
