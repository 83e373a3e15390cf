"""What every public page shows around its content: banner, menu, footer, notices."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import log_in_with_second_factor
from tests.units import unit_settings
from unitprofile.models import Office
from website.models import MaintenanceNotice, MenuItem, Page

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def commune_site():
    site = unit_settings()
    site.unit.name = "Ủy ban nhân dân xã Hòa Bình"
    site.unit.short_name = "UBND xã Hòa Bình"
    site.governing_agency = "Ủy ban nhân dân xã Hòa Bình"
    site.editor_in_chief = "Bà Lê Thị Hoa"
    site.address = "Thôn Đông, xã Hòa Bình"
    site.phone = "0238 3 111 222"
    site.email = "ubnd@hoabinh.example.gov.vn"
    site.licence = "Giấy phép số 01/GP-TTĐT ngày 02/01/2026"
    site.save()
    site.unit.save()
    return site


def test_banner_and_footer_come_from_the_site_settings(client, commune_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ủy ban nhân dân xã Hòa Bình" in html
    for line in ("Cơ quan chủ quản", "Trưởng Ban Biên tập", "Bà Lê Thị Hoa", "Trụ sở", "0238 3 111 222"):
        assert line in html
    assert "ubnd@hoabinh.example.gov.vn" in html
    assert "Giấy phép số 01/GP-TTĐT" in html


def test_changed_settings_show_on_the_next_page_load(client, commune_site):
    client.get("/")
    commune_site.unit.name = "Ủy ban nhân dân phường Bến Thủy"
    commune_site.save()
    commune_site.unit.save()
    assert "Ủy ban nhân dân phường Bến Thủy" in client.get("/").content.decode()


def test_no_template_hard_codes_the_district_level():
    offenders = [p.name for p in TEMPLATES.rglob("*.html") if "huyện" in p.read_text(encoding="utf-8").lower()]
    assert offenders == []


def test_maintenance_notice_shows_from_when_it_is_set_until_the_downtime_ends(client):
    now = timezone.now()
    MaintenanceNotice.objects.create(
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
        message="Cổng tạm ngừng để nâng cấp máy chủ.",
    )
    MaintenanceNotice.objects.create(
        starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1), message="Đợt bảo trì đã xong."
    )
    html = client.get("/").content.decode()
    assert "Cổng tạm ngừng để nâng cấp máy chủ." in html
    assert "Đợt bảo trì đã xong." not in html


def test_simple_page_is_shown_and_an_unpublished_one_is_not(client):
    Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Huyện ven sông.</p><script>x()</script>")
    Page.objects.create(title="Bản nháp", slug="ban-nhap", body="<p>Chưa xong</p>", is_published=False)
    response = client.get("/trang/gioi-thieu/")
    assert response.status_code == 200
    assert "Huyện ven sông." in response.content.decode()
    assert "<script>x()" not in response.content.decode()
    assert client.get("/trang/ban-nhap/").status_code == 404


def test_view_on_site_is_offered_only_for_a_page_readers_can_open(client, admin_user):
    log_in_with_second_factor(client, admin_user)
    shown = Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Xã Hòa Bình.</p>")
    hidden = Page.objects.create(title="Đang soạn", slug="dang-soan", body="<p>…</p>", is_published=False)
    form = client.get(f"/admin/website/page/{shown.pk}/change/").content.decode()
    assert f'href="{shown.get_absolute_url()}" class="viewsitelink"' in form
    assert 'class="viewsitelink"' not in client.get(f"/admin/website/page/{hidden.pk}/change/").content.decode()


def test_menu_is_ordered_by_the_administrator(client):
    page = Page.objects.create(title="Liên hệ", slug="lien-he")
    MenuItem.objects.create(label="Liên hệ", target=MenuItem.Target.PAGE, page=page, order=20)
    MenuItem.objects.create(label="Trang chủ", target=MenuItem.Target.HOME, order=10)
    MenuItem.objects.create(
        label="Cổng quốc gia", target=MenuItem.Target.URL, url="https://dichvucong.gov.vn", order=30
    )
    html = client.get("/").content.decode()
    menu = html[html.index('class="menu"') :]
    assert menu.index("Trang chủ") < menu.index("Liên hệ") < menu.index("Cổng quốc gia")
    assert 'href="/trang/lien-he/"' in menu


def test_every_section_a_portal_must_have_can_be_put_in_the_menu(client):
    sections = {
        MenuItem.Target.PROFILE: "/gioi-thieu/",
        MenuItem.Target.DOCUMENTS: "/van-ban/",
        MenuItem.Target.PROCEDURES: "/thu-tuc-hanh-chinh/",
        MenuItem.Target.QUESTIONS: "/hoi-dap/",
        MenuItem.Target.CONSULTATIONS: "/lay-y-kien/",
        MenuItem.Target.DISCLOSURE: "/cong-khai/",
    }
    for order, target in enumerate(sections, start=1):
        MenuItem.objects.create(label=str(target.label), target=target, order=order)
    menu = client.get("/").content.decode()
    menu = menu[menu.index('class="menu"') :]
    for address in sections.values():
        assert f'href="{address}"' in menu
        assert client.get(address).status_code == 200


def test_menu_item_must_say_where_it_points():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        MenuItem(label="Trống", target=MenuItem.Target.PAGE).full_clean()
    with pytest.raises(ValidationError):
        MenuItem(label="Lạ", target=MenuItem.Target.URL, url="javascript:alert(1)").full_clean()


def test_every_page_has_skip_link_search_and_login(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert 'role="search"' in html
    assert "Đăng nhập" in html
    assert 'data-text-size="larger"' in html


def test_the_header_greets_signed_in_staff_and_invites_readers_to_sign_in(client, admin_user):
    admin_user.last_name, admin_user.first_name = "Nguyễn Văn", "Bình"
    admin_user.save()
    log_in_with_second_factor(client, admin_user)
    staff_header = client.get("/").content.decode().split("</header>")[0]
    assert "Trang quản trị" in staff_header and "Nguyễn Văn Bình" in staff_header
    assert "Đăng nhập" not in staff_header
    # Readers still get one page from the cache, drawn for no one in particular.
    Client().get("/")
    with CaptureQueriesContext(connection) as queries:
        reader_header = Client().get("/").content.decode().split("</header>")[0]
    assert len(queries) == 0, "the reader's page did not come from the page cache"
    assert "Đăng nhập" in reader_header
    assert "Trang quản trị" not in reader_header and "Nguyễn Văn Bình" not in reader_header


def test_the_portal_has_its_own_icon_and_favicon_ico_leads_to_it(client):
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")


def test_the_footer_leads_to_the_offices_contacts(client, unit):
    Office.objects.create(unit=unit, name="Văn phòng HĐND và UBND", phone="0238 3 111 222", email="vp@hoabinh.gov.vn")
    footer = client.get("/").content.decode().split('<footer class="site-footer"')[1]
    link = re.search(r'<a href="([^"]+)">Liên hệ</a>', footer).group(1)
    contacts = client.get(link).content.decode()
    assert "Văn phòng HĐND và UBND" in contacts and "0238 3 111 222" in contacts and "vp@hoabinh.gov.vn" in contacts
