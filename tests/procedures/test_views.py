"""The public procedure pages: list, filters, accent-free search, detail, isolation, query budgets."""

import pytest
from django.core.cache import cache

from procedures.models import Level
from tests.procedures.factories import bulk_procedures, make_procedure
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_unit(db):
    return Unit.objects.create(
        code="02", name="Ủy ban nhân dân xã Đông Tiến", short_name="Xã Đông Tiến", host="dongtien.example"
    )


@pytest.fixture
def birth(unit):
    return make_procedure(unit, "1.001193", "Đăng ký khai sinh", fees="Miễn lệ phí")


def test_the_list_shows_the_units_procedures_with_a_link_to_apply_online(client, unit, birth, other_unit):
    make_procedure(other_unit, "1.009999", "Thủ tục của xã khác")
    make_procedure(unit, "1.000005", "Thủ tục đã bãi bỏ", is_published=False)
    page = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert "Đăng ký khai sinh" in page and birth.get_absolute_url() in page
    assert "Thủ tục của xã khác" not in page and "Thủ tục đã bãi bỏ" not in page
    assert f'href="{birth.national_url}" target="_blank" rel="noopener"' in page.replace("&amp;", "&")


def test_a_citizen_finds_a_procedure_without_accents(client, unit, birth):
    make_procedure(unit, "1.000003", "Đăng ký kết hôn")
    page = client.get("/thu-tuc-hanh-chinh/?q=dang+ky+khai+sinh").content.decode()
    assert "Đăng ký khai sinh" in page and "Đăng ký kết hôn" not in page
    assert "Đăng ký khai sinh" in client.get("/thu-tuc-hanh-chinh/?q=KHAI+SINH").content.decode()
    assert "Đăng ký khai sinh" in client.get("/thu-tuc-hanh-chinh/?q=1.001193").content.decode()
    assert "Đăng ký khai sinh" in client.get("/thu-tuc-hanh-chinh/?q=hộ+tịch").content.decode()


def test_filters_by_field_and_level(client, unit, birth):
    make_procedure(unit, "1.004227", "Đăng ký đất đai lần đầu", field_name="Đất đai", level=Level.PROVINCE)
    by_field = client.get("/thu-tuc-hanh-chinh/?field=dat-dai").content.decode()
    assert "Đăng ký đất đai lần đầu" in by_field and "Đăng ký khai sinh" not in by_field
    by_level = client.get("/thu-tuc-hanh-chinh/?level=cap-xa").content.decode()
    assert "Đăng ký khai sinh" in by_level and "Đăng ký đất đai lần đầu" not in by_level


def test_a_bad_filter_value_is_reported_not_a_server_error(client, unit, birth):
    response = client.get("/thu-tuc-hanh-chinh/?field=khong-co&level=cap-huyen")
    assert response.status_code == 200
    assert "Đăng ký khai sinh" in response.content.decode()


def test_the_field_filter_offers_only_the_units_fields(client, unit, birth, other_unit):
    make_procedure(other_unit, "1.009999", "Thủ tục của xã khác", field_name="Lâm nghiệp")
    page = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert 'value="ho-tich"' in page and "Lâm nghiệp" not in page


def test_the_detail_shows_time_fees_and_the_national_portal(client, unit, birth):
    response = client.get("/thu-tuc-hanh-chinh/1.001193/")
    page = response.content.decode().replace("&amp;", "&")
    assert "Đăng ký khai sinh" in page and "Miễn lệ phí" in page and "03 ngày làm việc" in page
    assert f'<a class="button" href="{birth.national_url}" target="_blank" rel="noopener">Nộp hồ sơ trực tuyến' in page
    assert '<meta name="DC.identifier" content="1.001193">' in page


def test_another_units_procedure_is_a_404_here(client, other_unit):
    make_procedure(other_unit, "1.009999", "Thủ tục của xã khác")
    assert client.get("/thu-tuc-hanh-chinh/1.009999/").status_code == 404


def test_an_edit_shows_at_once_despite_the_page_cache(client, unit, birth, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert "Đăng ký khai sinh" in client.get("/thu-tuc-hanh-chinh/").content.decode()
    birth.name = "Đăng ký khai sinh có yếu tố nước ngoài"
    birth.save()
    assert "có yếu tố nước ngoài" in client.get("/thu-tuc-hanh-chinh/").content.decode()


# A cold page of the frame also reads when the next article and the next consultation change by
# themselves (deadlines of every cached copy): one query each, whatever the number of rows.
LIST_BUDGET = 11
PAGE_BUDGET = 7


def measured_get(client, address, budget, assert_max):
    client.get(address)  # the site settings and content types exist, as in production
    cache.clear()
    with assert_max(budget):
        response = client.get(address)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize("address", ["/thu-tuc-hanh-chinh/", "/thu-tuc-hanh-chinh/?q=dang+ky&field=ho-tich&page=2"])
def test_query_budget_of_the_list(client, settings, unit, count, address, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_procedures(unit, count)
    if count == 5:
        address = address.replace("&page=2", "")
    measured_get(client, address, LIST_BUDGET, django_assert_max_num_queries)


@pytest.mark.parametrize("count", [5, 500])
def test_query_budget_of_the_detail(client, settings, unit, birth, count, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_procedures(unit, count)
    measured_get(client, birth.get_absolute_url(), PAGE_BUDGET, django_assert_max_num_queries)
