"""Uploaded files: checked by content, limited in size, stored under safe names, served inert."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import DatedUploadTo, safe_filename, validate_document


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("Biên bản họp tháng 10.PDF", "bien-ban-hop-thang-10.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\Đường đi.docx", "duong-di.docx"),
        ("<script>.pdf", "script.pdf"),
        ("   .pdf", "tep.pdf"),
    ],
)
def test_stored_names_are_transliterated_and_cannot_climb_out(name, readable):
    stored = safe_filename(name)
    random_part, _, rest = stored.partition("-")
    assert rest == readable
    assert "/" not in stored and "\\" not in stored and ".." not in stored


def test_stored_names_carry_128_random_bits():
    names = [safe_filename("Giấy mời.pdf") for _ in range(200)]
    random_parts = [name.split("-", 1)[0] for name in names]
    assert len(set(random_parts)) == len(names)
    assert all(len(part) == 32 and int(part, 16) >= 0 for part in random_parts), "32 hex digits: 128 bits"


def test_files_are_filed_by_date_inside_their_folder():
    path = DatedUploadTo("meetings")(None, "../Giấy mời.pdf")
    folder, year, month, name = path.split("/")
    assert folder == "meetings" and year.isdigit() and month.isdigit() and name.endswith("-giay-moi.pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [("bao-cao.pdf", b"MZ\x90\x00 a renamed program"), ("bang.xlsx", b"%PDF-1.4 a pdf"), ("trang.html", b"<html>")],
)
def test_documents_are_checked_by_content_not_by_name(name, content):
    with pytest.raises(ValidationError):
        validate_document(SimpleUploadedFile(name, content))


def test_oversized_documents_get_a_clear_error(settings):
    settings.MAX_DOCUMENT_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        validate_document(big)
    assert "MB" in str(error.value)


@pytest.mark.django_db
def test_media_is_served_with_nosniff(client, settings, tmp_path):
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / "x.pdf").write_bytes(b"%PDF-1.4\n")
    response = client.get("/media/x.pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
