"""python manage.py import_units: units from a CSV file, idempotent, each bad row reported on its line."""

import pytest
from django.core.management import CommandError, call_command

from units.models import Unit, UnitAlias

pytestmark = pytest.mark.django_db

HEADER = "code,name,short_name,level,parent_code,host"
GOOD = (
    # A child before its parent: the file's order does not matter.
    "99001,Ủy ban nhân dân xã Hòa Bình,Xã Hòa Bình,xa,99,hoabinh.songlam.gov.vn",
    "99,Ủy ban nhân dân tỉnh Sông Lam,Tỉnh Sông Lam,tinh,,songlam.gov.vn",
    "99007,Ủy ban nhân dân phường Cửa Lam,Phường Cửa Lam,Phường,99,CuaLam.SongLam.gov.vn.",
    "99010,Ủy ban nhân dân đặc khu Hòn Ngư,Đặc khu Hòn Ngư,Đặc khu,99,honngu.songlam.gov.vn",
    '990,"Ủy ban nhân dân huyện Sông Lam, cũ",Huyện Sông Lam (cũ),Huyện (cũ),99,huyensonglam.songlam.gov.vn',
)


def run(tmp_path, capsys, *rows, bom=False, header=HEADER):
    path = tmp_path / "don-vi.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + "\n".join((header, *rows)).encode())
    call_command("import_units", str(path))
    return capsys.readouterr()


def test_a_good_file_creates_the_tree_and_each_unit_serves_at_once(tmp_path, capsys, client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".songlam.gov.vn"]
    output = run(tmp_path, capsys, *GOOD, bom=True)
    assert "Tạo mới: 5, cập nhật: 0, không đổi: 0, lỗi: 0." in output.out
    province = Unit.objects.get(code="99")
    assert province.is_province and province.parent is None
    ward = Unit.objects.get(code="99007")
    assert ward.host == "cualam.songlam.gov.vn" and ward.level == Unit.Level.WARD and ward.parent == province
    assert Unit.objects.get(code="99010").level == Unit.Level.SPECIAL_ZONE
    archive = Unit.objects.get(code="990")
    assert archive.level == Unit.Level.FORMER_DISTRICT and archive.name == "Ủy ban nhân dân huyện Sông Lam, cũ"
    assert set(Unit.objects.get(code="99001").lineage_ids()) == {province.pk, Unit.objects.get(code="99001").pk}
    # No restart: the running process's host map learns the new host on its first request.
    response = client.get("/", headers={"host": "hoabinh.songlam.gov.vn"})
    assert response.status_code == 200 and "Hòa Bình" in response.content.decode()


def test_a_second_run_changes_nothing_and_says_so(tmp_path, capsys):
    run(tmp_path, capsys, *GOOD)
    before = list(Unit.objects.order_by("code").values())
    output = run(tmp_path, capsys, *GOOD)
    assert "Tạo mới: 0, cập nhật: 0, không đổi: 5, lỗi: 0. Không có gì thay đổi." in output.out
    assert list(Unit.objects.order_by("code").values()) == before


def test_a_changed_row_updates_its_unit(tmp_path, capsys):
    run(tmp_path, capsys, *GOOD)
    output = run(
        tmp_path, capsys, GOOD[1], "99001,Ủy ban nhân dân xã Hòa Bình,UBND xã Hòa Bình,xa,99,hoabinh.songlam.gov.vn"
    )
    assert "Đã cập nhật: 99001 UBND xã Hòa Bình" in output.out
    assert "Tạo mới: 0, cập nhật: 1, không đổi: 1, lỗi: 0." in output.out


def test_bad_rows_are_reported_with_their_line_and_the_others_imported(tmp_path, capsys, unit):
    UnitAlias.objects.create(unit=unit, host="cu.songlam.gov.vn")
    output = run(
        tmp_path,
        capsys,
        GOOD[1],  # line 2
        "99002,UBND xã A,Xã A,thon,99,a.songlam.gov.vn",  # 3: unknown level
        "99003,UBND xã B,Xã B,xa,77,b.songlam.gov.vn",  # 4: missing parent
        "99004,UBND xã C,Xã C,xa,99,songlam.gov.vn",  # 5: duplicate host in the file
        "99005,UBND xã D,Xã D,xa,99,http://d.songlam.gov.vn",  # 6: invalid host name
        "99 06,UBND xã E,Xã E,xa,99,e.songlam.gov.vn",  # 7: invalid code
        "99008,UBND xã G,Xã G,xa,99,testserver",  # 8: another unit's host
        "99009,UBND xã H,Xã H,xa,99,cu.songlam.gov.vn",  # 9: another unit's alias
        ",UBND xã I,Xã I,xa,99,i.songlam.gov.vn",  # 10: no code
        "99011,,Xã K,xa,99,k.songlam.gov.vn",  # 11: no name
        "99012,UBND tỉnh L,Tỉnh L,tinh,99,l.gov.vn",  # 12: a province under a unit
        "99013,UBND xã M,Xã M,xa,99014,m.songlam.gov.vn",  # 13: its parent (line 14) is bad
        "99014,UBND xã N,Xã N,phuong,99,",  # 14: no host
        "99015,UBND xã O,Xã O,Xã,99,o.songlam.gov.vn",  # 15: good, with the Vietnamese label
        "99015,UBND xã O,Xã O,xa,99,o2.songlam.gov.vn",  # 16: duplicate code
    )
    assert "Tạo mới: 2, cập nhật: 0, không đổi: 0, lỗi: 13." in output.out
    lines = output.err.splitlines()
    assert [int(line.split(":")[0].removeprefix("Dòng ")) for line in lines] == list(range(3, 15)) + [16]
    assert "Dòng 3: cấp không hợp lệ: “thon”" in output.err
    assert "Dòng 4: không có đơn vị cha mã 77." in output.err
    assert "Dòng 5: tên miền songlam.gov.vn trùng với dòng 2." in output.err
    assert "Dòng 6: tên miền không hợp lệ" in output.err
    assert "Dòng 7: mã đơn vị không hợp lệ" in output.err
    assert "Dòng 8: tên miền testserver đã là của đơn vị 01" in output.err
    assert "Dòng 9: tên miền cu.songlam.gov.vn đang là tên miền phụ của đơn vị 01." in output.err
    assert "Dòng 10: thiếu mã đơn vị." in output.err
    assert "Dòng 11: thiếu tên đầy đủ" in output.err
    assert "Dòng 12: tỉnh, thành phố không thuộc đơn vị nào" in output.err
    assert "Dòng 13: không có đơn vị cha mã 99014." in output.err
    assert "Dòng 14: thiếu tên miền" in output.err
    assert "Dòng 16: mã 99015 trùng với dòng 15." in output.err
    assert set(Unit.objects.values_list("code", flat=True)) == {"01", "99", "99015"}


def test_a_wrong_header_or_a_missing_file_is_one_clear_error(tmp_path, capsys):
    output = run(tmp_path, capsys, GOOD[1], header="ma,ten,cap")
    assert "Dòng 1: thiếu cột: code, name, short_name, level, parent_code, host" in output.err
    with pytest.raises(CommandError, match="Không mở được tệp"):
        call_command("import_units", str(tmp_path / "khong-co.csv"))
