"""The procedure list and page, and the profile, at phone and desktop widths: no sideways scroll at 360 px."""

import pytest

from tests.procedures.factories import make_procedure
from unitprofile.models import Office

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [360, 1280])
def test_procedure_and_profile_pages_fit_the_screen(page, live_server, unit, screenshot, width):
    make_procedure(unit, "1.001193", "Đăng ký khai sinh cho trẻ em sinh ra tại địa phương", fees="Miễn lệ phí")
    Office.objects.create(unit=unit, name="Văn phòng HĐND và UBND", functions="<p>Tham mưu tổng hợp.</p>")
    page.set_viewport_size({"width": width, "height": 800})
    for name, address in (
        ("list", "/thu-tuc-hanh-chinh/"),
        ("detail", "/thu-tuc-hanh-chinh/1.001193/"),
        ("organisation", "/gioi-thieu/co-cau-to-chuc/"),
    ):
        page.goto(live_server.url + address)
        screenshot(page, f"{name}-{width}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), address
