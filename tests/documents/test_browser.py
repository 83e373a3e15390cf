"""A clerk sees a scanned file flagged on the document's page; a secretary links the document to a meeting."""

import re

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from documents.models import DocumentType
from meetings.models import MeetingDocument
from tests.documents.factories import make_document, pdf_file
from tests.documents.files import scanned_pdf, text_pdf
from tests.meetings.factories import make_meeting, make_paper
from tests.units import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "MatKhau@SongLam2026"


def log_in(browser, live_server, username, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


@pytest.mark.parametrize("width", [360, 1280])
def test_the_document_page_warns_of_a_scan_and_the_meeting_page_lists_its_papers(
    browser, live_server, screenshot, width
):
    roles.sync_roles()
    secretary = get_user_model().objects.create_user("thuky", password=PASSWORD, is_staff=True)
    give_role(secretary, roles.SECRETARY)
    document = make_document(
        "Quyết định ban hành quy định thu phí chợ trên địa bàn xã",
        files=[pdf_file("quyet-dinh.pdf", ["Quyết định thu phí chợ"]), ("ban-scan.pdf", scanned_pdf())],
    )
    meeting = make_meeting("Phiên họp thường kỳ tháng 11", agenda=2)
    make_paper(meeting, "Giấy mời họp phiên thường kỳ tháng 11")
    MeetingDocument.objects.create(meeting=meeting, document=document, kind=MeetingDocument.Kind.CONCLUSION, order=1)

    page = log_in(browser, live_server, "thuky", width)
    page.goto(f"{live_server.url}/admin/documents/document/{document.pk}/change/")
    warning = page.locator(".messagelist .warning")
    assert "ban-scan.pdf" in warning.inner_text()
    assert page.get_by_text("⚠ Không (bản scan").is_visible()
    screenshot(page, "document")

    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    rows = page.locator("#document_links-group")
    assert "quyet-dinh.pdf" in rows.inner_text() and "Giấy mời họp phiên thường kỳ tháng 11" in rows.inner_text()
    screenshot(page, "meeting")


@pytest.mark.parametrize("width", [360, 1280])
def test_a_clerk_enters_a_decision_a_citizen_finds_it_by_words_in_its_pdf(
    browser, live_server, screenshot, tmp_path, width
):
    """The clerk types the decision and attaches its PDF; a citizen, typing without accents words that
    are only inside the PDF, finds the decision and downloads the file."""
    roles.sync_roles()
    clerk = get_user_model().objects.create_user("vanthu", password=PASSWORD, is_staff=True)
    give_role(clerk, roles.CLERK)
    DocumentType.objects.create(name="Quyết định")
    pdf = tmp_path / "quyet-dinh-15.pdf"
    pdf.write_bytes(text_pdf(["QUYẾT ĐỊNH", "Mức thu phí vệ sinh chợ đầu mối là hai nghìn đồng mỗi gánh hàng"]))

    page = log_in(browser, live_server, "vanthu", width)
    page.goto(f"{live_server.url}/admin/documents/document/add/")
    page.locator("#id_number").fill("15/2026/QĐ-UBND")
    page.locator("#id_doc_type").select_option(label="Quyết định")
    page.locator("#id_summary").fill("Ban hành quy định thu phí chợ trên địa bàn xã")
    page.locator("#id_issuer").fill("Ủy ban nhân dân xã Hòa Bình")
    page.locator("#id_issued_on").fill("01/12/2026")
    page.locator("#id_files-0-file").set_input_files(str(pdf))
    screenshot(page, "clerk-form")
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/documents/document/$"))
    page.context.close()

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    citizen = context.new_page()
    citizen.goto(f"{live_server.url}/van-ban/")
    citizen.locator("#main input[name=q]").fill("phi ve sinh cho dau moi")
    citizen.locator("#main input[name=q]").press("Enter")
    citizen.get_by_role("link", name="15/2026/QĐ-UBND").first.click()
    screenshot(citizen, "citizen-document")
    assert citizen.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    with citizen.expect_download() as download:
        citizen.get_by_role("link", name=re.compile("quyet-dinh-15|Tệp|PDF", re.IGNORECASE)).first.click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    context.close()
