"""The profile pages: overview, organisation, leaders, sections; isolation; the English versions."""

import pytest
from django.conf import settings
from django.core.cache import cache

from meetings.models import Official
from unitprofile.models import Office, Photo, ProfileSection
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(unit):
    return Official.objects.create(
        unit=unit,
        name="Lê Văn Thắng",
        position="Chủ tịch UBND xã",
        position_en="Chairman of the People's Committee",
        is_leader=True,
        biography="<p>Sinh năm 1975, quê xã Hòa Bình.</p>",
        duties="<p>Lãnh đạo chung; phụ trách tài chính.</p>",
        duties_en="<p>General leadership; finance.</p>",
        phone="0238 3000 001",
        email="chutich@hoabinh.example",
    )


@pytest.fixture
def office(unit, chair):
    return Office.objects.create(
        unit=unit,
        name="Văn phòng HĐND và UBND",
        name_en="Office of the People's Council and Committee",
        functions="<p>Tham mưu tổng hợp.</p><script>alert(1)</script>",
        functions_en="<p>General advice.</p>",
        head=chair,
        phone="0238 3000 002",
        email="vanphong@hoabinh.example",
    )


def test_the_organisation_lists_offices_with_functions_heads_and_contacts(client, office):
    page = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert "Văn phòng HĐND và UBND" in page and "Tham mưu tổng hợp." in page
    assert "Lê Văn Thắng" in page and "mailto:vanphong@hoabinh.example" in page
    assert "<script>" not in page.split("<main")[1].split("</main>")[0]


def test_the_leaders_page_shows_biography_and_duties(client, chair, unit):
    Official.objects.create(unit=unit, name="Trần Văn Hùng", position="Công chức", is_leader=False)
    page = client.get("/gioi-thieu/lanh-dao/").content.decode()
    assert "Tiểu sử tóm tắt" in page and "Sinh năm 1975" in page
    assert "Nhiệm vụ đảm nhiệm" in page and "phụ trách tài chính" in page
    assert "Trần Văn Hùng" not in page


def test_a_section_and_the_overview(client, unit):
    ProfileSection.objects.create(unit=unit, kind=ProfileSection.Kind.HISTORY, body="<p>Làng có từ thế kỷ XV.</p>")
    ProfileSection.objects.create(unit=unit, kind=ProfileSection.Kind.RELICS, body="<p>Ẩn</p>", is_published=False)
    overview = client.get("/gioi-thieu/").content.decode()
    assert "/gioi-thieu/lich-su/" in overview and "/gioi-thieu/co-cau-to-chuc/" in overview
    assert "/gioi-thieu/di-tich-danh-thang/" not in overview
    assert "Làng có từ thế kỷ XV." in client.get("/gioi-thieu/lich-su/").content.decode()
    assert client.get("/gioi-thieu/di-tich-danh-thang/").status_code == 404
    assert client.get("/gioi-thieu/khong-co/").status_code == 404


def test_another_units_profile_is_not_shown_here(client, unit):
    other = Unit.objects.create(
        code="02", name="Ủy ban nhân dân xã Đông Tiến", short_name="Đông Tiến", host="dt.example"
    )
    Office.objects.create(unit=other, name="Văn phòng xã Đông Tiến")
    ProfileSection.objects.create(unit=other, kind=ProfileSection.Kind.HISTORY, body="<p>Đông Tiến</p>")
    assert "Đông Tiến" not in client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert client.get("/gioi-thieu/lich-su/").status_code == 404


def test_the_english_interface_shows_the_english_versions(client, office, chair):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    organisation = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert "Office of the People&#x27;s Council and Committee" in organisation and "General advice." in organisation
    assert "Tham mưu tổng hợp." not in organisation
    leaders = client.get("/gioi-thieu/lanh-dao/").content.decode()
    assert "Chairman of the People&#x27;s Committee" in leaders and "General leadership; finance." in leaders
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert "Tham mưu tổng hợp." in client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()


def test_the_old_simple_page_still_works(client, unit):
    from website.models import Page

    Page.objects.create(unit=unit, slug="gioi-thieu", title="Giới thiệu", body="<p>Trang cũ</p>")
    assert "Trang cũ" in client.get("/trang/gioi-thieu/").content.decode()


def fill_the_profile(unit, count):
    """``count`` offices, each headed by a leader, and every section with ``count`` photos."""
    for number in range(count):
        head = Official.objects.create(unit=unit, name=f"Cán bộ {number}", position="Phó Chủ tịch", is_leader=True)
        Office.objects.create(unit=unit, name=f"Phòng số {number}", functions="<p>Tham mưu.</p>", head=head)
    for kind in ProfileSection.Kind.values:
        section = ProfileSection.objects.create(unit=unit, kind=kind, title=kind, body="<p>Nội dung.</p>")
        Photo.objects.bulk_create(
            Photo(section=section, image=f"profile/anh-{number}.jpg", caption=f"Ảnh {number}")
            for number in range(count)
        )


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    "path", ["/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/lich-su/"]
)
def test_each_profile_page_keeps_its_query_budget(client, settings, unit, count, path, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    fill_the_profile(unit, count)
    client.get(path)  # the site settings exist, as in production
    cache.clear()
    with django_assert_max_num_queries(11):
        assert client.get(path).status_code == 200
