"""Password rules on top of Django's: refuse the passwords Vietnamese offices actually use."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import fold
from units.models import Unit

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


def _letters(text):
    """Only the letters of ``text``, folded: “Sông-Lam@2026” → “songlam”."""
    return "".join(c for c in fold(text) if c.isalpha())


PORTAL_WORDS = "Cổng thông tin điện tử"


def _unit_words():
    """The words of every unit's names, folded (“UBND xã Hòa Bình” → ubnd, xa, hoa, binh), and of “cổng thông tin”.

    One installation serves the province and its communes: any of their names is a first guess.
    """
    names = [PORTAL_WORDS, *(name for pair in Unit.objects.values_list("name", "short_name") for name in pair)]
    return {word for name in names for word in (_letters(part) for part in fold(name).split()) if word}


def _made_of(text, words):
    """Whether ``text`` is nothing but ``words`` run together (“hoabinhubnd”): a word-break check."""
    reachable = [True] + [False] * len(text)
    for end in range(1, len(text) + 1):
        reachable[end] = any(
            len(word) <= end and reachable[end - len(word)] and text.endswith(word, 0, end) for word in words
        )
    return reachable[-1]


class UnitNamePasswordValidator:
    """Refuse the unit's own names with digits or symbols around them (“songlam2026”, “UBND@HoaBinh1”).

    That is the first guess of anyone who knows which portal they are attacking.
    """

    def validate(self, password, user=None):
        letters = _letters(password)
        if letters and _made_of(letters, _unit_words()):
            raise ValidationError(
                _("Mật khẩu chỉ gồm tên đơn vị kèm số hoặc ký hiệu, rất dễ bị đoán. Hãy chọn mật khẩu khác."),
                code="password_is_unit_name",
            )

    def get_help_text(self):
        return _("Không dùng tên đơn vị hay tên cổng thông tin, dù có thêm số hoặc ký hiệu.")


# Rows and columns of the keyboard, the alphabet and the digits: a run along any of them, either way,
# is what people type when asked for a long password (“qwerty”, “1qaz2wsx”, “12345678”).
KEYBOARD_SEQUENCES = (
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
    "1qaz",
    "2wsx",
    "3edc",
    "4rfv",
    "5tgb",
    "6yhn",
    "7ujm",
    "8ik",
    "9ol",
)


def _followers():
    """{character: {(the character after it, in which sequence and direction)}}"""
    followers = {}
    for sequence in KEYBOARD_SEQUENCES:
        for direction in (sequence, sequence[::-1]):
            for a, b in zip(direction, direction[1:], strict=False):
                followers.setdefault(a, set()).add((b, direction))
    return followers


_FOLLOWERS = _followers()
MIN_RUN = 3
# What may be left outside the runs: “12345678Aa” keeps two letters, still a pattern.
MAX_LEFT_OVER = 2


def _steps(a, b):
    """The sequences in which ``b`` follows ``a``, or “same” when it repeats it."""
    if a == b:
        return {"same"}
    return {sequence for following, sequence in _FOLLOWERS.get(a, ()) if following == b}


def _left_outside_runs(text):
    """How many characters of ``text`` are not in a run of at least MIN_RUN along one sequence (or repeated)."""
    left, start = 0, 0
    while start < len(text):
        end, ways = start + 1, None
        while end < len(text):
            step = _steps(text[end - 1], text[end])
            ways = step if ways is None else ways & step
            if not ways:
                break
            end += 1
        if end - start >= MIN_RUN:
            start = end
        else:
            left += 1
            start += 1
    return left


class KeyboardPatternPasswordValidator:
    """Refuse passwords that are runs along the keyboard, the alphabet or the digits, or repeated characters."""

    def validate(self, password, user=None):
        text = "".join(c for c in fold(password) if c.isalnum())
        if text and _left_outside_runs(text) <= MAX_LEFT_OVER:
            raise ValidationError(
                _(
                    "Mật khẩu là một dãy phím, dãy chữ hoặc dãy số liền nhau (như “qwerty”, “12345678Aa”), "
                    "rất dễ bị đoán. Hãy chọn mật khẩu khác."
                ),
                code="password_keyboard_pattern",
            )

    def get_help_text(self):
        return _("Không dùng dãy phím hay dãy số liền nhau như “qwerty”, “12345678”.")
