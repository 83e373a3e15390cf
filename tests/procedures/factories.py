"""Small factories for procedures."""

from documents.models import Field
from procedures.models import Level, Procedure


def field(name):
    return Field.objects.get_or_create(name=name)[0]


def make_procedure(unit, code, name, *, field_name="Hộ tịch", level=Level.COMMUNE, **values):
    values.setdefault("processing_time", "03 ngày làm việc")
    values.setdefault("fees", "Không thu phí")
    values.setdefault(
        "national_url", f"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
    )
    return Procedure.objects.create(unit=unit, code=code, name=name, field=field(field_name), level=level, **values)


def bulk_procedures(unit, count):
    """``count`` procedures in three fields, saved one by one so that each gets its folded text."""
    for number in range(count):
        make_procedure(
            unit,
            f"9.{number:06d}",
            f"Thủ tục mẫu số {number} về đăng ký",
            field_name=("Hộ tịch", "Đất đai", "Chứng thực")[number % 3],
        )
