"""The names readers sign public text with (comments): no hidden controls, no disguise as the staff.

A name is shown beside the editors' own words, so it must not be able to pass for them:

- invisible format characters (Unicode category Cf: bidi overrides such as U+202E, zero-width
  spaces…) are removed: they reverse or hide the text around the name and no real name needs them;
- a name mixing scripts (Latin with Cyrillic, Greek…) is refused: that is how look-alikes are made,
  and no Vietnamese name does it (its letters are Latin, whatever their accents);
- a name whose skeleton (accents, case, spacing and look-alike letters folded away: ``Аdmіn``,
  ``B4n biên tập``, ``QUẢN TRỊ``) is the skeleton of a staff title or of the unit's name is refused.

The look-alike letters come from Unicode's confusables list, as shipped by ``confusable_homoglyphs``.
"""

import unicodedata
from functools import cache

from confusable_homoglyphs import confusables
from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import fold

STAFF_TITLES = (
    "Ban biên tập",
    "BBT",
    "Biên tập viên",
    "Trưởng ban biên tập",
    "Quản trị",
    "Quản trị viên",
    "Quản trị hệ thống",
    "Admin",
    "Administrator",
)
# Look-alikes the confusables list keeps apart, folded together as in a skeleton of Unicode TR39.
_SKELETON_PAIRS = (("rn", "m"), ("vv", "w"), ("l", "i"))

MIXED_SCRIPTS = _("Họ tên không được trộn chữ của nhiều bảng chữ cái (ví dụ chữ Latinh với chữ Kirin hay Hy Lạp).")
IMITATION = _("Họ tên này trùng hoặc giống tên của Ban biên tập, người quản trị hay của đơn vị; hãy dùng tên của bạn.")


def without_format_characters(text):
    """``text`` without invisible format characters (bidi controls, zero-width spaces, BOM)."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


@cache
def _prototype(character):
    """The ASCII letter or digit ``character`` looks like, or ``character`` itself."""
    if character.isascii():
        return character
    for homoglyph in confusables.confusables_data.get(character, []):
        plain = fold(homoglyph["c"])
        if plain.isascii() and plain.isalnum():
            return plain
    return character


def skeleton(text):
    """What ``text`` looks like, reduced to lower-case ASCII letters and digits where it can be."""
    # Compatibility forms first (full-width ＡＢＣ), then look-alikes in both cases, then accents and case.
    shown = unicodedata.normalize("NFKC", without_format_characters(text))
    shown = fold("".join(_prototype(c) for c in shown))
    shown = "".join(_prototype(c) for c in shown if c.isalnum())
    for pair, single in _SKELETON_PAIRS:
        shown = shown.replace(pair, single)
    return shown.replace("0", "o").replace("1", "i")


def check_public_name(name, *, reserved=()):
    """``name`` without format characters; ``ValidationError`` when it mixes scripts or imitates staff.

    ``reserved`` adds names of the unit (from the site settings) to the staff titles.
    """
    name = " ".join(without_format_characters(name).split())
    if confusables.is_mixed_script(name):
        raise forms.ValidationError(MIXED_SCRIPTS, code="mixed_scripts")
    imitated = {skeleton(title) for title in (*STAFF_TITLES, *reserved) if title}
    if skeleton(name) in imitated - {""}:
        raise forms.ValidationError(IMITATION, code="imitation")
    return name
