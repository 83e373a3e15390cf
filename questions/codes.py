"""Tracking codes (mã tra cứu) of citizens' questions: ``HD-7K3Q-2M9X``.

A code is the asker's only key to their question's progress, so it must not be guessable: eight
characters drawn by ``secrets`` from 32 symbols (40 bits), behind a rate-limited lookup. The alphabet
leaves out 0/O and 1/I, which people misread when copying a code from a phone screen or paper.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PREFIX = "HD"
GROUPS = 2
GROUP_LENGTH = 4
PATTERN = re.compile(rf"^{PREFIX}(?:-[{ALPHABET}]{{{GROUP_LENGTH}}}){{{GROUPS}}}$")
CODE_LENGTH = len(PREFIX) + GROUPS * (GROUP_LENGTH + 1)


def new_code() -> str:
    """A fresh random code (uniqueness is the caller's: the database's unique constraint decides)."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join((PREFIX, *groups))


def normalize(typed: str) -> str:
    """The code a person meant: ``hd 7k3q 2m9x`` → ``HD-7K3Q-2M9X``; "" when it cannot be one."""
    plain = re.sub(r"[\s\-–—_.]", "", (typed or "").upper())[:20]
    if plain.startswith(PREFIX):
        plain = plain[len(PREFIX) :]
    if len(plain) != GROUPS * GROUP_LENGTH:
        return ""
    code = "-".join([PREFIX, *(plain[i : i + GROUP_LENGTH] for i in range(0, len(plain), GROUP_LENGTH))])
    return code if PATTERN.match(code) else ""
