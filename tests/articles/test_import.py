"""python manage.py import_articles: the old portal's JSON Lines export."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Category

pytestmark = pytest.mark.django_db


def line(**fields):
    record = {
        "title": "UBND huyện họp phiên thường kỳ",
        "summary": "Sáng 13/10, UBND huyện họp.",
        "body_html": "<p>Nội dung <script>alert(1)</script></p>",
        "category": "Hoạt động của UBND",
        "published_at": "2021-10-13T14:31:00",
        "author": "Thanh Tâm",
        "source": "Văn phòng",
        "status": "published",
        "views": 198,
        "external_id": "A-1",
    }
    record.update(fields)
    return json.dumps({k: v for k, v in record.items() if v is not ...}, ensure_ascii=False)


def run(tmp_path, capsys, *lines):
    path = tmp_path / "export.jsonl"
    path.write_bytes(b"\n".join(item.encode() if isinstance(item, str) else item for item in lines))
    call_command("import_articles", str(path))
    return capsys.readouterr()


def test_imports_good_lines_and_reports_bad_ones(tmp_path, capsys):
    output = run(
        tmp_path,
        capsys,
        line(),
        "{not json",
        line(external_id="A-2", title=""),
        "",
        line(external_id="A-3", published_at="13/10/2021"),
        line(external_id="A-4", status="archived"),
        line(external_id="A-5", views=-1),
        b"\xff\xfe garbage",
        "[1, 2]",
        line(external_id="A-6", title="Tin nháp", status="draft", published_at=..., category="Kinh tế"),
    )
    assert "Đã tạo: 2, cập nhật: 0, từ chối: 7." in output.out
    for number in (2, 3, 5, 6, 7, 8, 9):
        assert f"Dòng {number}:" in output.err
    assert "Dòng 3: thiếu trường bắt buộc “title”." in output.err
    article = Article.objects.get(external_id="A-1")
    assert article.view_count == 198
    assert article.published_at == datetime(2021, 10, 13, 14, 31, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert "script" not in article.body
    assert article.lead == "Sáng 13/10, UBND huyện họp."
    assert article.category.name == "Hoạt động của UBND"
    assert article.slug == "ubnd-huyen-hop-phien-thuong-ky"
    assert article.is_public
    draft = Article.objects.get(external_id="A-6")
    assert draft.status == Article.Status.DRAFT and draft.category.name == "Kinh tế"
    assert Category.objects.count() == 2


def test_reimporting_the_same_id_updates(tmp_path, capsys):
    run(tmp_path, capsys, line())
    output = run(tmp_path, capsys, line(title="Tiêu đề đã sửa", views=250, published_at="2021-10-13T07:31:00Z"))
    assert "Đã tạo: 0, cập nhật: 1, từ chối: 0." in output.out
    article = Article.objects.get()
    assert article.title == "Tiêu đề đã sửa" and article.view_count == 250
    assert article.slug == "ubnd-huyen-hop-phien-thuong-ky"
    assert article.published_at == datetime(2021, 10, 13, 14, 31, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Không mở được tệp"):
        call_command("import_articles", str(tmp_path / "khong-co.jsonl"))


def test_with_several_units_the_unit_is_named_and_ids_are_unique_per_unit(tmp_path, capsys, unit):
    from units.models import Unit

    archive = Unit.objects.create(
        code="990",
        name="UBND huyện Sông Lam (cũ)",
        short_name="Huyện Sông Lam (cũ)",
        level="huyen-cu",
        host="huyensonglam.localhost",
        archived=True,
    )
    path = tmp_path / "export.jsonl"
    path.write_text(line(), encoding="utf-8")
    with pytest.raises(CommandError, match="--unit"):
        call_command("import_articles", str(path))
    with pytest.raises(CommandError, match="Không có đơn vị mã 404"):
        call_command("import_articles", str(path), unit="404")
    call_command("import_articles", str(path), unit="990")
    call_command("import_articles", str(path), unit=unit.code)
    assert "Đã tạo: 1, cập nhật: 0, từ chối: 0. Đơn vị: Huyện Sông Lam (cũ)." in capsys.readouterr().out
    imported = Article.objects.of(archive).get(external_id="A-1")
    assert imported.category.unit == archive and imported.author == "Thanh Tâm" and imported.view_count == 198
    assert imported.published_at == datetime(2021, 10, 13, 14, 31, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert Article.objects.of(unit).get(external_id="A-1").pk != imported.pk
    call_command("import_articles", str(path), unit="990")
    assert Article.objects.of(archive).count() == 1
