"""import_procedures: the national portal's export, CSV or JSON; bad lines reported; a second run changes nothing."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from procedures.models import Level, Procedure
from units.models import Unit

pytestmark = pytest.mark.django_db

URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
HEADER = "code,name,field,level,processing_time,fees,url\n"
GOOD_CSV = (
    HEADER
    + f'1.001193,Đăng ký khai sinh,Hộ tịch,Cấp xã,Ngay trong ngày,"Miễn lệ phí",{URL}1.001193\n'
    + f"2.000908,Chứng thực bản sao từ bản chính,Chứng thực,Cấp Xã,Trong ngày,2.000 đồng/trang,{URL}2.000908\n"
    + f"1.004227,Đăng ký đất đai lần đầu,Đất đai,Cấp tỉnh,30 ngày,,{URL}1.004227\n"
)


def run(path, unit_code="01"):
    out, err = StringIO(), StringIO()
    call_command("import_procedures", str(path), unit=unit_code, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_csv_file_is_imported_with_its_fields_and_levels(tmp_path, unit):
    path = tmp_path / "tthc.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    out, err = run(path)
    assert err == ""
    assert "Thủ tục mới: 3" in out and "lĩnh vực mới: 3" in out
    birth = Procedure.objects.of(unit).get(code="1.001193")
    assert birth.name == "Đăng ký khai sinh" and birth.field.name == "Hộ tịch" and birth.level == Level.COMMUNE
    assert birth.fees == "Miễn lệ phí" and birth.national_url == URL + "1.001193"
    assert Procedure.objects.get(code="1.004227").level == Level.PROVINCE
    assert birth.search_text == "1.001193 dang ky khai sinh ho tich"


def test_a_second_run_changes_nothing_and_an_edit_updates(tmp_path, unit):
    path = tmp_path / "tthc.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    run(path)
    out, _err = run(path)
    assert "Thủ tục mới: 0, cập nhật: 0, không đổi: 3" in out
    path.write_text(GOOD_CSV.replace("Ngay trong ngày", "01 ngày làm việc"), encoding="utf-8")
    out, _err = run(path)
    assert "cập nhật: 1, không đổi: 2" in out
    assert Procedure.objects.count() == 3
    assert Procedure.objects.get(code="1.001193").processing_time == "01 ngày làm việc"


def test_bad_lines_are_reported_with_their_number_and_the_others_go_in(tmp_path, unit):
    path = tmp_path / "tthc.csv"
    path.write_text(
        HEADER
        + f"1.001193,Đăng ký khai sinh,Hộ tịch,Cấp xã,,,{URL}1.001193\n"
        + ",Không có mã,Hộ tịch,Cấp xã,,,https://dichvucong.gov.vn/x\n"
        + "1.000001,Sai cấp,Hộ tịch,Cấp huyện,,,https://dichvucong.gov.vn/x\n"
        + "1.000002,Địa chỉ giả,Hộ tịch,Cấp xã,,,https://dichvucong.gov.vn.example.com/x\n"
        + f"1.000003,Đăng ký kết hôn,Hộ tịch,Cấp xã,05 ngày,,{URL}1.000003\n",
        encoding="utf-8",
    )
    out, err = run(path)
    assert "Dòng 3: thiếu trường bắt buộc: code." in err
    assert "Dòng 4: cấp thực hiện “Cấp huyện” không rõ" in err
    assert "Dòng 5: Địa chỉ phải là một trang https:// của Cổng Dịch vụ công quốc gia" in err
    assert "Thủ tục mới: 2" in out and "dòng lỗi: 3" in out
    assert set(Procedure.objects.values_list("code", flat=True)) == {"1.001193", "1.000003"}


def test_a_json_export_is_read_too(tmp_path, unit):
    path = tmp_path / "tthc.json"
    rows = [
        {"code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch", "level": "Cấp xã", "url": URL + "1"},
        {"code": "1.001194", "name": "Thiếu địa chỉ", "field": "Hộ tịch", "level": "Cấp xã"},
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    out, err = run(path)
    assert "Dòng 2: thiếu trường bắt buộc: url." in err
    assert "Thủ tục mới: 1" in out


def test_the_same_code_in_two_units_is_two_procedures(tmp_path, unit):
    Unit.objects.create(code="02", name="Ủy ban nhân dân xã Đông Tiến", short_name="Xã Đông Tiến", host="dt.example")
    path = tmp_path / "tthc.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    run(path, "01")
    run(path, "02")
    assert Procedure.objects.filter(code="1.001193").count() == 2


def test_an_unknown_unit_or_a_missing_file_is_an_error(tmp_path, unit):
    with pytest.raises(CommandError, match="Không có đơn vị mã 99"):
        run(tmp_path / "x.csv", "99")
    with pytest.raises(CommandError, match="Không mở được tệp"):
        run(tmp_path / "x.csv")


def test_a_csv_without_the_required_columns_says_which(tmp_path, unit):
    path = tmp_path / "tthc.csv"
    path.write_text("code,name\n1,Một\n", encoding="utf-8")
    _out, err = run(path)
    assert "dòng tiêu đề thiếu cột: field, level, url." in err
