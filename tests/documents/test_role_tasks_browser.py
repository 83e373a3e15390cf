"""The clerk's (văn thư's) main task in a real browser, from the admin's first screen, on a phone and a desktop:
a decision entered with its file, which citizens then find on /van-ban/ and download."""

import re

import pytest

from accounts import roles
from documents.models import Document
from tests.documents.factories import make_type
from tests.documents.files import text_pdf
from tests.role_tasks import WIDTHS, add_from_index, message, reader_page, sideways_scroll, staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBER = "27/2026/QĐ-UBND"
SUMMARY = "Về việc công nhận thôn Đông đạt chuẩn nông thôn mới kiểu mẫu"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_clerk_enters_a_document_with_its_file(browser, live_server, screenshot, tmp_path, width):
    roles.sync_roles()
    make_type("Quyết định")
    pdf = tmp_path / "quyet-dinh-27.pdf"
    pdf.write_bytes(text_pdf(["QUYẾT ĐỊNH", "Công nhận thôn Đông đạt chuẩn nông thôn mới kiểu mẫu năm 2026"]))
    page = staff_page(browser, live_server, "vanthu", roles.CLERK, width)
    screenshot(page, "dashboard")

    add_from_index(page, "Văn bản")
    page.get_by_label("Số, ký hiệu:", exact=True).fill(NUMBER)
    page.get_by_label("Loại văn bản:", exact=True).select_option(label="Quyết định")
    page.get_by_label("Trích yếu:", exact=True).fill(SUMMARY)
    page.get_by_label("Cơ quan ban hành:", exact=True).fill("Ủy ban nhân dân xã Hòa Bình")
    page.get_by_label("Ngày ban hành:", exact=True).fill("01/12/2026")
    page.locator("[name='files-0-file']").set_input_files(str(pdf))
    screenshot(page, "form")
    if width == 1280:
        assert sideways_scroll(page) == 0
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/documents/document/$"))
    assert NUMBER in message(page)
    assert page.get_by_role("row").filter(has_text=NUMBER).count() == 1
    screenshot(page, "saved")
    page.context.close()
    assert Document.objects.get().files.count() == 1

    reader = reader_page(browser, width)
    reader.goto(live_server.url + "/van-ban/")
    reader.get_by_role("link", name=NUMBER).first.click()
    assert reader.get_by_text(SUMMARY).first.is_visible()
    assert sideways_scroll(reader) == 0
    screenshot(reader, "public")
    with reader.expect_download() as download:
        reader.get_by_role("link", name=re.compile("quyet-dinh-27|Tải", re.IGNORECASE)).first.click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    reader.context.close()
