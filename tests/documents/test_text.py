"""The text inside real files made here: what search will find, and the files that cannot be read."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from documents import text
from tests.documents.files import DECISION_LINES, docx, odt, pptx, scanned_pdf, text_pdf, upload, xlsx


def test_a_vietnamese_pdf_gives_its_text_with_its_accents():
    extracted = text.extract(upload("quyet-dinh.pdf", text_pdf(DECISION_LINES)))
    assert extracted.has_text
    assert "Ban hành quy định thu phí chợ trên địa bàn xã Hòa Bình" in extracted.text
    assert extracted.text.splitlines()[0] == "QUYẾT ĐỊNH"


def test_a_scanned_pdf_has_no_text_layer():
    extracted = text.extract(upload("ban-scan.pdf", scanned_pdf()))
    assert extracted == text.Extracted(text="", has_text=False)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ke-hoach.docx", docx(["Kế hoạch", "thu phí chợ năm 2026"])),
        ("ke-hoach.odt", odt(["Kế hoạch", "thu phí chợ năm 2026"])),
        ("ke-hoach.xlsx", xlsx(["Kế hoạch", "thu phí chợ năm 2026"])),
        ("ke-hoach.pptx", pptx(["Kế hoạch", "thu phí chợ năm 2026"])),
    ],
)
def test_office_and_opendocument_files_give_one_line_per_paragraph(name, data):
    assert text.extract(upload(name, data)) == text.Extracted(text="Kế hoạch\nthu phí chợ năm 2026", has_text=True)


def test_slides_are_read_in_their_order():
    slides = pptx([f"Trang {n}" for n in range(1, 12)])
    assert text.extract(upload("trinh-chieu.pptx", slides)).text.splitlines() == [f"Trang {n}" for n in range(1, 12)]


def test_a_legacy_word_file_is_kept_without_text():
    assert text.extract(upload("cong-van.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)).text == ""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hong.pdf", text_pdf(DECISION_LINES)[:200]),
        ("hong.docx", docx(["Kế hoạch"])[:-40]),
        ("hong.odt", b"PK\x03\x04" + b"\x00" * 200),
        ("hong.docx", b"PK\x03\x04" + b"x" * 50),
    ],
)
def test_a_broken_file_gets_a_clear_error(name, data):
    with pytest.raises(ValidationError) as error:
        text.extract(upload(name, data))
    assert "bị hỏng, không đọc được nội dung" in error.value.messages[0]


def test_a_document_part_with_an_entity_declaration_is_refused():
    laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "ha">]><w:document xmlns:w="x">&a;</w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", laughs)
    with pytest.raises(ValidationError) as error:
        text.extract(upload("cuoi.docx", out.getvalue()))
    assert "DTD" in error.value.messages[0]


def test_no_more_than_the_cap_is_unpacked_whatever_the_archive_says(monkeypatch):
    monkeypatch.setattr(text, "MAX_XML_BYTES", 10_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * 1_000_000 + "</w:document>")
    with pytest.raises(ValidationError) as error:
        text.extract(upload("bom.docx", out.getvalue()))
    assert "bom nén" in error.value.messages[0]
