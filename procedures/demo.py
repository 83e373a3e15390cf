"""A few procedures for the demo units, in our own words; seeding twice changes nothing."""

from documents.models import Field
from procedures.models import Level, Procedure

ADDRESS = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="

# Code, name, field, processing time, fees; the codes are made up for the demo (they start with 9.).
PROVINCE_PROCEDURES = (
    ("9.100001", "Cấp giấy phép xây dựng công trình cấp đặc biệt", "Xây dựng", "20 ngày làm việc", "150.000 đồng"),
    ("9.100002", "Đăng ký thành lập hộ kinh doanh liên tỉnh", "Kinh tế", "05 ngày làm việc", "100.000 đồng"),
    ("9.100003", "Cấp phép khai thác nước mặt quy mô nhỏ", "Tài nguyên nước", "30 ngày", "Theo biểu phí của tỉnh"),
)
COMMUNE_PROCEDURES = (
    ("9.200001", "Đăng ký khai sinh", "Hộ tịch", "Ngay trong ngày làm việc", "Miễn lệ phí"),
    ("9.200002", "Đăng ký kết hôn", "Hộ tịch", "Ngay trong ngày làm việc", "Miễn lệ phí"),
    ("9.200003", "Chứng thực bản sao từ bản chính", "Chứng thực", "Trong ngày", "2.000 đồng/trang"),
    ("9.200004", "Xác nhận tình trạng hôn nhân", "Hộ tịch", "03 ngày làm việc", "Không thu"),
)


def seed_procedures(unit, *, province):
    """The unit's demo procedures, once each (found again by their code)."""
    rows, level = (PROVINCE_PROCEDURES, Level.PROVINCE) if province else (COMMUNE_PROCEDURES, Level.COMMUNE)
    for code, name, field_name, time, fees in rows:
        if Procedure.objects.of(unit).filter(code=code).exists():
            continue
        Procedure.objects.create(
            unit=unit,
            code=code,
            name=name,
            field=Field.objects.get_or_create(name=field_name)[0],
            level=level,
            processing_time=time,
            fees=fees,
            national_url=ADDRESS + code,
        )
