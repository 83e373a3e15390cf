"""import_documents: an old portal's documents, with files beside the export; twice gives the same result."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, DocumentFile, Field, Relation
from tests.documents.factories import make_type
from tests.documents.files import DECISION_LINES, docx, scanned_pdf, text_pdf

pytestmark = pytest.mark.django_db


def line(external_id, **fields):
    record = {
        "external_id": external_id,
        "type": "Quyết định",
        "number": f"{external_id}/2025/QĐ-UBND",
        "summary": f"Văn bản {external_id}",
        "issuer": "UBND xã Hòa Bình",
    }
    record.update(fields)
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def export(tmp_path):
    make_type("Quyết định")
    Field.objects.create(name="Tài chính")
    (tmp_path / "tep").mkdir()
    (tmp_path / "tep" / "qd-15.pdf").write_bytes(text_pdf(DECISION_LINES))
    (tmp_path / "tep" / "phu-luc.docx").write_bytes(docx(["Phụ lục mức thu phí chợ"]))
    (tmp_path / "tep" / "ban-scan.pdf").write_bytes(scanned_pdf())
    (tmp_path / "tep" / "hong.pdf").write_bytes(b"%PDF-1.4 hong")
    lines = [
        line(
            "15",
            summary="Ban hành quy định thu phí chợ",
            issued_on="2025-03-01",
            effective_on="2025-03-15",
            fields=["Tài chính"],
            files=[{"path": "tep/qd-15.pdf", "title": "Quyết định"}, "tep/phu-luc.docx"],
            relations=[{"kind": "thay-the", "target": "7"}],
        ),
        line("7", summary="Quy định cũ về phí chợ", files=["tep/ban-scan.pdf"]),
        "{không phải json",
        line("8", issued_on="01/03/2025"),
        line("9", files=["tep/khong-co.pdf"]),
        line("10", files=["../../etc/passwd"]),
        line("11", files=["tep/qd-15.pdf", "tep/hong.pdf"]),
        line("12", type="Nghị quyết"),
        json.dumps({"external_id": "13", "type": "Quyết định"}),
        "",
        line("14", relations=[{"kind": "thay-the", "target": "không-có"}]),
    ]
    path = tmp_path / "van-ban.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path, unit):
    out, err = StringIO(), StringIO()
    call_command("import_documents", str(path), "--unit", unit.code, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_documents_come_in_with_their_files_text_and_relations(export, unit):
    out, err = run(export, unit)
    decision = Document.objects.get(unit=unit, external_id="15")
    assert decision.number == "15/2025/QĐ-UBND" and decision.issued_on.isoformat() == "2025-03-01"
    assert [f.name for f in decision.fields.all()] == ["Tài chính"]
    assert [(f.title or str(f), f.has_text) for f in decision.files.all()] == [
        ("Quyết định", True),
        ("phu-luc.docx", True),
    ]
    assert (
        "thu phi cho tren dia ban xa hoa binh" in decision.search_text
        and "phu luc muc thu phi cho" in decision.search_text
    )
    old = Document.objects.get(external_id="7")
    assert not old.files.get().has_text
    assert Relation.objects.get().target == old and old.validity() == "het-hieu-luc"
    assert "Văn bản mới: 3, cập nhật: 0, dòng lỗi: 8; tệp lưu: 3, quan hệ mới: 1" in out


def test_bad_lines_are_reported_with_their_number_and_reason_and_do_not_stop_the_import(export, unit):
    _out, err = run(export, unit)
    reported = dict(line.split(": ", 1) for line in err.strip().splitlines())
    assert "không phải JSON hợp lệ" in reported["Dòng 3"]
    assert "2026-12-01" in reported["Dòng 4"]
    assert "không tìm thấy tệp tep/khong-co.pdf" in reported["Dòng 5"]
    assert "ra ngoài thư mục" in reported["Dòng 6"]
    assert "tep/hong.pdf" in reported["Dòng 7"] and "PDF" in reported["Dòng 7"]
    assert "không có loại văn bản “Nghị quyết”" in reported["Dòng 8"]
    assert "thiếu trường bắt buộc: summary, issuer" in reported["Dòng 9"]
    assert "không-có" in reported["Dòng 11"]
    # A refused line leaves nothing behind: not the document, not the file it had already stored.
    assert not Document.objects.filter(external_id__in=["8", "9", "10", "11", "12", "13"]).exists()
    assert DocumentFile.objects.count() == 3
    assert Document.objects.get(external_id="14").outgoing_relations.count() == 0


def test_importing_twice_updates_and_stores_no_second_copy(export, unit):
    run(export, unit)
    lines = export.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("Ban hành quy định thu phí chợ", "Ban hành quy định thu phí chợ (sửa)")
    export.write_text("\n".join(lines), encoding="utf-8")
    out, _err = run(export, unit)
    assert "Văn bản mới: 0, cập nhật: 3, dòng lỗi: 8; tệp lưu: 0, quan hệ mới: 0" in out
    assert Document.objects.filter(unit=unit).count() == 3 and DocumentFile.objects.count() == 3
    assert Document.objects.get(external_id="15").summary == "Ban hành quy định thu phí chợ (sửa)"


def test_an_unknown_unit_is_an_error(export):
    with pytest.raises(CommandError, match="Không có đơn vị mã 99"):
        call_command("import_documents", str(export), "--unit", "99")


def test_reindex_reads_the_files_a_migration_moved_in(unit):
    from django.core.files.base import ContentFile

    from core.uploads import protected_storage
    from tests.documents.factories import make_document

    document = make_document("Biên bản họp")
    name = protected_storage.save("meetings/2026/11/bien-ban.pdf", ContentFile(text_pdf(["Biên bản phiên họp chợ"])))
    DocumentFile.objects.create(document=document, file=name)  # as the migration leaves it: no text read
    out = StringIO()
    call_command("reindex_documents", stdout=out)
    assert "Đã đọc 1 tệp của 1 văn bản" in out.getvalue()
    document.refresh_from_db()
    assert "bien ban phien hop cho" in document.search_text
    assert document.files.get().size > 0
