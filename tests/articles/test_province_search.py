"""Search on a unit's portal searches that unit; one link searches the whole province.

The test unit (``testserver``) is a commune of a province (``tinh.test``), beside a ward
(``phuong-ben.test``) and the archive of a former district; another province (``tinh-khac.test``)
is never searched from this one.
"""

import pytest

from articles.models import Article
from tests.articles.factories import make_article, make_category
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _hosts_allowed(settings):
    settings.ALLOWED_HOSTS = ["testserver", ".test"]


def unit_with_article(code, name, host, *, parent=None, **fields):
    unit = Unit.objects.create(code=code, name=f"UBND {name}", short_name=name, host=host, parent=parent, **fields)
    make_article(f"Cấp điện an toàn ở {name}", category=make_category(f"Tin {name}", unit=unit), unit=unit)
    return unit


@pytest.fixture
def province(unit):
    province = unit_with_article("38", "Tỉnh Thanh Hóa", "tinh.test", level=Unit.Level.PROVINCE)
    unit.parent = province
    unit.save()
    category = make_category("Tin xã", unit=unit)
    make_article("Cấp điện an toàn ở xã Hòa Bình", category=category, unit=unit)
    make_article("Bản nháp cấp điện ở xã Hòa Bình", category=category, unit=unit, status=Article.Status.DRAFT)
    unit_with_article("16280", "Phường Bến", "phuong-ben.test", parent=province, level=Unit.Level.WARD)
    unit_with_article("380", "Huyện Sông Lam (cũ)", "songlam.test", parent=province, archived=True)
    unit_with_article("40", "Tỉnh Khác", "tinh-khac.test", level=Unit.Level.PROVINCE)
    return province


def test_a_units_search_finds_its_own_articles_and_offers_the_whole_province(client, province):
    html = client.get("/tim-kiem/?q=cap+dien").content.decode()
    assert "Cấp điện an toàn ở xã Hòa Bình" in html
    for elsewhere in ("Tỉnh Thanh Hóa", "Phường Bến", "Huyện Sông Lam", "Tỉnh Khác"):
        assert f"Cấp điện an toàn ở {elsewhere}" not in html
    assert '<a href="?q=cap+dien&amp;pham-vi=tinh" rel="nofollow">Tìm trong toàn tỉnh</a>' in html


def test_the_province_wide_search_links_each_result_to_its_own_units_host(client, province):
    html = client.get("/tim-kiem/?q=cap+dien&pham-vi=tinh&page=1").content.decode()
    assert "Tìm thấy 4 kết quả" in html
    for title in ("xã Hòa Bình", "Tỉnh Thanh Hóa", "Phường Bến", "Huyện Sông Lam (cũ)"):
        assert f"Cấp điện an toàn ở {title}" in html
    assert "Tỉnh Khác" not in html and "Bản nháp" not in html
    ward_article = Article.objects.get(title="Cấp điện an toàn ở Phường Bến")
    assert f'href="http://phuong-ben.test{ward_article.get_absolute_url()}"' in html
    assert f'href="http://phuong-ben.test{ward_article.category.get_absolute_url()}"' in html
    # The way back to this unit's own search, and the scope kept by the form.
    assert '<a href="?q=cap+dien">Chỉ tìm trong UBND xã Hòa Bình</a>' in html
    assert '<input type="hidden" name="pham-vi" value="tinh">' in html


def test_the_province_wide_search_is_the_same_from_the_province_and_any_of_its_units(client, province):
    from_province = client.get("/tim-kiem/?q=cap+dien&pham-vi=tinh", HTTP_HOST="tinh.test").content.decode()
    from_ward = client.get("/tim-kiem/?q=cap+dien&pham-vi=tinh", HTTP_HOST="phuong-ben.test").content.decode()
    for html in (from_province, from_ward):
        assert "Tìm thấy 4 kết quả" in html and "Tỉnh Khác" not in html
    only_province = client.get("/tim-kiem/?q=cap+dien", HTTP_HOST="tinh.test").content.decode()
    assert "Tìm thấy 1 kết quả" in only_province


def test_another_province_searches_only_its_own_units(client, province):
    html = client.get("/tim-kiem/?q=cap+dien&pham-vi=tinh", HTTP_HOST="tinh-khac.test").content.decode()
    assert "Cấp điện an toàn ở Tỉnh Khác" in html and "Tìm thấy 1 kết quả" in html


def test_the_province_wide_search_reads_no_unit_table(client, province, django_assert_max_num_queries):
    client.get("/tim-kiem/?q=cap+dien&pham-vi=tinh")
    with django_assert_max_num_queries(8) as queries:
        client.get("/tim-kiem/?q=an+toan&pham-vi=tinh")
    assert not any('FROM "units_unit"' in query["sql"] for query in queries.captured_queries)
