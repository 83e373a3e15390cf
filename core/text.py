"""Vietnamese text helpers: NFC normalisation, accent-free folding and slugs."""

import unicodedata

from django.utils.text import slugify

# Unicode does not decompose đ/Đ into d + a mark, so they are folded by hand.
_VIETNAMESE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text):
    """Return text in Unicode NFC form: pasted Vietnamese often arrives decomposed (NFD)."""
    return unicodedata.normalize("NFC", text) if text else text


def fold(text):
    """Lower-case text with every diacritic removed: ``Đường`` → ``duong``."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_VIETNAMESE_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify_vi(text, max_length=None):
    """A URL slug from a Vietnamese title: ``Đường giao thông`` → ``duong-giao-thong``."""
    slug = slugify(fold(text))
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def unique_slug(rows, text, *, exclude_pk=None, max_length=200, fallback="trang"):
    """A slug from a Vietnamese text, with ``-2``, ``-3``… added until no other of ``rows`` has it.

    ``rows`` is the queryset a slug must be unique in: a unit's articles, not every unit's.
    """
    base = slugify_vi(text, max_length=max_length - 6) or fallback
    others = rows.exclude(pk=exclude_pk)
    slug, number = base, 1
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
