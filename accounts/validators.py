"""Password rules on top of Django's: refuse the passwords Vietnamese offices actually use."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import fold

# Seen again and again on leaked lists and office sticky notes; compared without accents, case,
# and the digits or symbols people tack on (“Matkhau@2024” is “matkhau”).
COMMON_VIETNAMESE_PASSWORDS = frozenset(
    {
        "matkhau",
        "matkhaumoi",
        "matkhau123",
        "123456a@",
        "123456a",
        "a123456",
        "abc123",
        "abc123456",
        "admin",
        "admin123",
        "quantri",
        "quantrivien",
        "ubnd",
        "ubndhuyen",
        "ubndxa",
        "vanphong",
        "congthongtin",
        "cntt",
        "vietnam",
        "vietnam123",
        "hanoi",
        "saigon",
        "anhyeuem",
        "emyeuanh",
        "iloveyou",
        "yeuem",
        "tinhyeu",
        "hoanganh",
        "ngoclan",
        "thanhhuong",
        "minhanh",
        "baomat",
        "password",
        "qwerty",
        "asdfgh",
        "zxcvbn",
        "123456789",
        "1234567890",
        "12345678910",
        "11111111",
    }
)
_TRAILING_NOISE = re.compile(r"[\W\d_]+$")


class VietnameseCommonPasswordValidator:
    def validate(self, password, user=None):
        folded = fold(password).replace(" ", "")
        stem = _TRAILING_NOISE.sub("", folded)
        if folded in COMMON_VIETNAMESE_PASSWORDS or (stem and stem in COMMON_VIETNAMESE_PASSWORDS):
            raise ValidationError(
                _("Mật khẩu này quá phổ biến (như “matkhau”, “123456a@”), rất dễ bị đoán. Hãy chọn mật khẩu khác."),
                code="password_too_common_vi",
            )

    def get_help_text(self):
        return _("Không dùng mật khẩu phổ biến như “matkhau”, “123456a@” hay tên cơ quan.")
