"""Hostile uploads, built here: active PDFs, polyglots, fake Office files, zip bombs, images with hidden text.

Each is refused with a Vietnamese message and nothing reaches the storage; images are stored without
their comments, EXIF or XMP.
"""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from accounts import roles
from articles.models import Article, Attachment
from core.uploads import reencode_image, validate_document
from meetings.models import Official
from tests.articles.conftest import _user
from tests.articles.factories import make_category, pdf_bytes
from tests.articles.test_admin import form_data

SECRET = b"toa-do-nha-ong-A"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
    + SECRET
    + b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


@pytest.fixture
def press_officer_user(db):
    roles.sync_roles()
    return _user("bientap", roles.PRESS_OFFICER)


def _name(value):
    return NameObject(value)


def hostile_pdf(*, javascript=False, launch=False, embedded=False):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if javascript:
        writer.add_open_action(JavaScript("app.alert('xin chao');"))
    if launch:
        action = DictionaryObject({_name("/S"): _name("/Launch"), _name("/F"): TextStringObject("cmd.exe")})
        link = DictionaryObject(
            {
                _name("/Type"): _name("/Annot"),
                _name("/Subtype"): _name("/Link"),
                _name("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(100), NumberObject(100)]),
                _name("/A"): action,
            }
        )
        writer.pages[0][_name("/Annots")] = ArrayObject([link])
    if embedded:
        writer.add_attachment("huong-dan.exe", b"MZ\x90\x00 a program")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def office_zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(unpacked_mb):
    """A docx-looking archive whose document part is a long run of zeros, written in pieces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = bytes(1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(zeros)
    return out.getvalue()


DOCX = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}


def refusal(name, content):
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile(name, content))
    return " ".join(error.value.messages)


def test_a_plain_pdf_and_real_office_files_pass():
    validate_document(SimpleUploadedFile("bien-ban.pdf", pdf_bytes()))
    validate_document(SimpleUploadedFile("bao-cao.docx", office_zip(DOCX)))
    validate_document(
        SimpleUploadedFile("bang.xlsx", office_zip({"[Content_Types].xml": "<T/>", "xl/workbook.xml": "<w/>"}))
    )
    odt = {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"}
    validate_document(SimpleUploadedFile("to-trinh.odt", office_zip(odt)))


@pytest.mark.parametrize(
    ("options", "named"),
    [({"javascript": True}, "JavaScript"), ({"launch": True}, "Launch"), ({"embedded": True}, "tệp nhúng")],
)
def test_pdfs_that_run_code_or_carry_files_are_refused(options, named):
    message = refusal("giay-moi.pdf", hostile_pdf(**options))
    assert named in message and "không được nhận" in message


def test_a_pdf_that_is_also_a_web_page_is_refused():
    body = pdf_bytes()
    polyglot = body[:9] + b"%<html><body><script>alert(document.cookie)</script></body></html>\n" + body[9:]
    assert "HTML" in refusal("thong-bao.pdf", polyglot)


def test_a_damaged_pdf_is_refused():
    assert "hỏng" in refusal("hong.pdf", b"%PDF-1.4\n%not really a pdf\n")


@pytest.mark.parametrize(
    ("name", "members"),
    [
        ("bao-cao.docx", {"readme.txt": "just a zip", "word/x.txt": "pretending"}),
        ("bao-cao.docx", {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"}),  # an xlsx renamed
        ("to-trinh.odt", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<c/>"}),
        ("to-trinh.odt", {"mimetype": "application/vnd.oasis.opendocument.text"}),
    ],
)
def test_zips_that_only_pretend_to_be_office_files_are_refused(name, members):
    assert "không phải là tài liệu Office/OpenDocument hợp lệ" in refusal(name, office_zip(members))


def test_a_zip_bomb_named_docx_is_refused_without_unpacking_it():
    bomb = zip_bomb(unpacked_mb=300)
    assert len(bomb) < 1024 * 1024, "three hundred megabytes of zeros fit in well under one"
    message = refusal("bao-cao.docx", bomb)
    assert "bom nén" in message and "300 MB" in message


def test_an_archive_above_the_unpacked_cap_is_refused_even_when_it_compresses_badly(settings):
    settings.MAX_DOCUMENT_UNPACKED_MB = 1
    noise = Image.effect_noise((1200, 1200), 100).tobytes()  # 1.4 MB that does not compress
    assert "bom nén" in refusal("bao-cao.docx", office_zip({**DOCX, "word/media/anh.bin": noise}))


@pytest.mark.django_db
def test_a_hostile_attachment_is_refused_in_the_admin_and_nothing_is_stored(client, settings, press_officer_user):
    client.force_login(press_officer_user)
    data = form_data(make_category("Kinh tế"))
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Giấy mời",
            "attachments-0-file": SimpleUploadedFile("giay-moi.pdf", hostile_pdf(javascript=True)),
            "attachments-0-order": "0",
        }
    )
    response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200
    assert "Tệp PDF có chứa mã JavaScript" in response.content.decode()
    assert not Article.objects.exists() and not Attachment.objects.exists()
    stored = [
        path
        for root in (settings.MEDIA_ROOT, settings.STORAGES["protected"]["OPTIONS"]["location"])
        for path in Path(root).rglob("*")
        if path.is_file()
    ]
    assert stored == []


def jpeg_with_hidden_text():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}  # GPS
    exif[0x010E] = SECRET.decode()  # ImageDescription
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, format="JPEG", comment=SECRET, exif=exif, xmp=XMP)
    return out.getvalue()


def gif_with_comment():
    out = io.BytesIO()
    Image.new("P", (32, 32), 3).save(out, format="GIF", comment=SECRET)
    return out.getvalue()


@pytest.mark.parametrize(("name", "build"), [("anh.jpg", jpeg_with_hidden_text), ("anh.gif", gif_with_comment)])
def test_images_are_stored_without_comments_exif_or_xmp(name, build):
    original = build()
    assert SECRET in original
    cleaned = reencode_image(SimpleUploadedFile(name, original)).read()
    assert SECRET not in cleaned
    stored = Image.open(io.BytesIO(cleaned))
    assert not {"comment", "exif", "xmp"} & stored.info.keys()
    assert not [marker for marker, _ in getattr(stored, "applist", []) if marker in ("COM", "APP1")]


@pytest.mark.django_db
def test_an_editor_image_reaches_the_storage_without_its_hidden_text(client, settings, press_officer_user):
    client.force_login(press_officer_user)
    response = client.post("/bien-tap/tai-anh/", {"upload": SimpleUploadedFile("Ảnh.jpg", jpeg_with_hidden_text())})
    assert response.status_code == 200
    url = json.loads(response.content)["url"]
    stored = Path(settings.MEDIA_ROOT, url.removeprefix(settings.MEDIA_URL)).read_bytes()
    assert SECRET not in stored and b"http://ns.adobe.com/xap/1.0/" not in stored and b"Exif\x00\x00" not in stored


@pytest.mark.django_db
def test_an_officials_photo_uploaded_in_the_admin_is_stored_without_its_hidden_text(admin_client):
    client = admin_client
    data = {"name": "Nguyễn Văn A", "slug": "", "position": "Chủ tịch", "office": "", "order": "0", "is_active": "on"}
    data["photo"] = SimpleUploadedFile("Chân dung.jpg", jpeg_with_hidden_text(), content_type="image/jpeg")
    response = client.post("/admin/meetings/official/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Official.objects.get().photo.read()
    assert SECRET not in stored and b"Exif\x00\x00" not in stored and b"<x:xmpmeta" not in stored


def handmade_pdf(action):
    """A PDF written byte by byte, to hide an open action as a viewer still reads it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        action,
        b"/Lau#6Ech",  # /Launch, one letter escaped
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj %s endobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize(
    ("action", "named"),
    [
        (b"<< /S 5 0 R /F (calc.exe) >>", "Launch"),  # the action's type given by reference
        (b"<< /S /Java#53cript /J#53 (app.alert(1)) >>", "JavaScript"),  # names with escapes
    ],
)
def test_actions_hidden_by_reference_or_escapes_are_found(action, named):
    assert named in refusal("to-trinh.pdf", handmade_pdf(action))
