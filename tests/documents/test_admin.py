"""A clerk enters documents with their files; the admin reads the files, flags scans and refuses broken files."""

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import roles
from core.uploads import protected_storage
from documents.models import Document, DocumentFile, Relation
from tests.accounts.conftest import make_staff
from tests.documents.factories import make_document, make_type, pdf_file
from tests.documents.files import DECISION_LINES, scanned_pdf, text_pdf
from units.models import Unit

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/documents/document/add/"


@pytest.fixture
def clerk(client):
    roles.sync_roles()
    user = make_staff("vanthu", roles.CLERK)
    client.force_login(user)
    return user


def form_data(doc_type, *files, **fields):
    data = {
        "number": "15/2026/QĐ-UBND",
        "doc_type": str(doc_type.pk),
        "summary": "Ban hành quy định thu phí chợ trên địa bàn xã",
        "issuer": "Ủy ban nhân dân xã Hòa Bình",
        "signer": "Nguyễn Văn Hòa",
        "signer_position": "Chủ tịch",
        "issued_on": "01/12/2026",
        "effective_on": "15/12/2026",
        "is_published": "on",
        "files-TOTAL_FORMS": str(len(files)),
        "files-INITIAL_FORMS": "0",
        "outgoing_relations-TOTAL_FORMS": "0",
        "outgoing_relations-INITIAL_FORMS": "0",
        "incoming_relations-TOTAL_FORMS": "0",
        "incoming_relations-INITIAL_FORMS": "0",
    }
    for index, (name, content) in enumerate(files):
        data[f"files-{index}-order"] = str(index)
        data[f"files-{index}-file"] = SimpleUploadedFile(name, content)
    data.update(fields)
    return data


def broken_docx():
    """A docx that passes the upload checks (the right parts are there) whose text part is cut short."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", '<w:document xmlns:w="x"><w:body><w:p><w:t>Kế hoạ')
    return out.getvalue()


def stored_files():
    return [path for path in Path(protected_storage.location).rglob("*") if path.is_file()]


def test_a_clerk_enters_a_decision_and_its_pdf_text_becomes_searchable(client, clerk, unit):
    response = client.post(ADD_URL, form_data(make_type(), ("Quyết định 15.pdf", text_pdf(DECISION_LINES))))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.unit == unit and document.slug == "15-2026-qd-ubnd"
    document_file = document.files.get()
    assert document_file.has_text and "thu phí chợ trên địa bàn xã Hòa Bình" in document_file.text
    assert document_file.size == len(text_pdf(DECISION_LINES)) and document_file.file.name.startswith("documents/")
    assert "15/2026/qđ-ubnd" not in document.search_text  # folded: no đ either
    assert "15/2026/qd-ubnd" in document.search_text
    assert "quy dinh thu phi cho tren dia ban xa hoa binh" in document.search_text
    page = client.get(f"/admin/documents/document/{document.pk}/change/").content.decode()
    assert "bản scan" not in page


def test_a_scanned_pdf_is_stored_and_flagged_on_the_form_and_in_the_list(client, clerk):
    response = client.post(ADD_URL, form_data(make_type(), ("ban-scan.pdf", scanned_pdf())))
    assert response.status_code == 302
    document = Document.objects.get()
    assert not document.files.get().has_text
    page = client.get(f"/admin/documents/document/{document.pk}/change/").content.decode()
    assert "Không tìm được nội dung các tệp sau vì là bản scan không có lớp chữ" in page
    assert "⚠ Không (bản scan" in page
    other = make_document("Công văn có lớp chữ", files=[pdf_file()])
    listed = client.get("/admin/documents/document/?scan=1").content.decode()
    assert document.summary in listed and other.summary not in listed
    listed = client.get("/admin/documents/document/?scan=0").content.decode()
    assert document.summary not in listed and other.summary in listed


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hong.pdf", text_pdf(DECISION_LINES)[:150], "Tệp PDF bị hỏng"),
        ("hong.docx", broken_docx(), "Tệp .docx bị hỏng, không đọc được nội dung"),
    ],
)
def test_a_broken_file_gets_a_clear_error_and_nothing_is_stored(client, clerk, name, content, message):
    response = client.post(ADD_URL, form_data(make_type(), (name, content)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists() and not DocumentFile.objects.exists()
    assert not stored_files()


def test_relations_are_chosen_among_the_units_documents_and_shown_from_both_ends(client, clerk):
    other_unit = Unit.objects.create(
        code="02", name="Ủy ban nhân dân xã Bên", short_name="UBND xã Bên", host="xb.test"
    )
    old = make_document("Quy định cũ về phí chợ")
    make_document("Quy định phí chợ của xã bên", unit=other_unit)
    answer = client.get(
        "/admin/autocomplete/",
        {"app_label": "documents", "model_name": "relation", "field_name": "target", "term": "phí chợ"},
    )
    assert [row["text"] for row in json.loads(answer.content)["results"]] == [str(old)]
    data = form_data(make_type(), **{"outgoing_relations-TOTAL_FORMS": "1"})
    data.update({"outgoing_relations-0-kind": Relation.Kind.REPLACES, "outgoing_relations-0-target": str(old.pk)})
    assert client.post(ADD_URL, data).status_code == 302
    new = Document.objects.get(number="15/2026/QĐ-UBND")
    assert new.outgoing_relations.get().target == old
    page = client.get(f"/admin/documents/document/{old.pk}/change/").content.decode()
    assert "văn bản tác động đến văn bản này" in page.lower() and str(new) in page


def test_the_list_filters_by_derived_validity(client, clerk):
    today = timezone.localdate()
    in_force = make_document("Đang có hiệu lực", effective_on=today - timedelta(days=10))
    expired = make_document(
        "Đã hết hạn", effective_on=today - timedelta(days=100), expires_on=today - timedelta(days=1)
    )
    coming = make_document("Sắp có hiệu lực", effective_on=today + timedelta(days=10))
    listed = client.get("/admin/documents/document/?hieu-luc=het-hieu-luc").content.decode()
    assert expired.summary in listed and in_force.summary not in listed and coming.summary not in listed
    listed = client.get("/admin/documents/document/").content.decode()
    assert "Chưa có hiệu lực" in listed and "Còn hiệu lực" in listed


def test_saving_the_document_rebuilds_its_search_text(client, clerk):
    document = make_document("Tên cũ", files=[pdf_file(lines=["Nội dung trong tệp"])])
    data = form_data(document.doc_type, summary="Trích yếu mới về chợ")
    data.update({"files-INITIAL_FORMS": "1", "files-TOTAL_FORMS": "1", "files-0-id": str(document.files.get().pk)})
    data["files-0-document"] = str(document.pk)
    data["files-0-order"] = "0"
    response = client.post(f"/admin/documents/document/{document.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert "trich yeu moi ve cho" in document.search_text and "noi dung trong tep" in document.search_text


def test_view_on_site_is_offered_only_for_a_published_document(client, clerk):
    published, hidden = (
        make_document("Quyết định đã công bố"),
        make_document("Dự thảo chưa công bố", is_published=False),
    )
    form = client.get(f"/admin/documents/document/{published.pk}/change/").content.decode()
    assert f'href="{published.get_absolute_url()}" class="viewsitelink"' in form
    assert client.get(published.get_absolute_url()).status_code == 200
    assert 'class="viewsitelink"' not in client.get(f"/admin/documents/document/{hidden.pk}/change/").content.decode()
