"""Tracking codes: HD-XXXX-XXXX, from an alphabet without look-alikes, random, unique."""

import pytest

from questions import codes


def test_format_and_alphabet():
    for _ in range(500):
        code = codes.new_code()
        assert codes.PATTERN.match(code), code
        assert not set(code[3:].replace("-", "")) & set("01OI")
        assert len(code) == len("HD-7K3Q-2M9X")


def test_codes_are_not_repeated_nor_sequential():
    drawn = [codes.new_code() for _ in range(2000)]
    assert len(set(drawn)) == len(drawn)
    # Every symbol of the alphabet shows up: drawn at random from all 32, not a counter.
    assert set("".join(code[3:].replace("-", "") for code in drawn)) == set(codes.ALPHABET)


def test_the_alphabet_leaves_out_look_alikes():
    assert len(codes.ALPHABET) == 32 and not set("01OI") & set(codes.ALPHABET)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("HD-7K3Q-2M9X", "HD-7K3Q-2M9X"),
        (" hd 7k3q 2m9x ", "HD-7K3Q-2M9X"),
        ("7K3Q2M9X", "HD-7K3Q-2M9X"),
        ("HD-7K3Q-2M9", ""),
        ("HD-0K3Q-2M9X", ""),
        ("", ""),
    ],
)
def test_normalize(typed, code):
    assert codes.normalize(typed) == code


@pytest.mark.django_db
def test_a_taken_code_is_drawn_again(unit, monkeypatch):
    from tests.questions.factories import ask

    first = ask()
    draws = iter([first.code, "HD-2345-6789"])
    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    assert ask().code == "HD-2345-6789"
