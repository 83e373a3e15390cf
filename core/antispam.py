"""The traps of the anonymous public forms (a reader's comment, the satisfaction question).

Robots fill every field and post at once, or post without drawing the form at all. Two traps catch
them without a CAPTCHA and without a token per reader, so that the pages keep coming from the cache:

- the honeypot, a field hidden from people that must come back present and empty (a space is not empty);
- the stamp, the time the form was drawn, signed (``TimestampSigner``) so that it cannot be made up.
  A form sent less than ``STAMP_MIN_SECONDS`` after it was drawn, more than ``STAMP_MAX_SECONDS``
  after, or without a valid stamp, is refused. A cached page carries a stamp as old as the page
  (a minute at most): that only makes the robot's wait shorter, and is far from the upper bound.

The stamp is drawn on every request (``{% form_stamp %}``), never inside a fragment kept for the
content generation, where it would grow old and expire.
"""

import time

from django import forms
from django.core import signing
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

STAMP_FIELD = "stamp"
STAMP_SALT = "core.antispam.stamp"
STAMP_MIN_SECONDS = 2
STAMP_MAX_SECONDS = 24 * 60 * 60

HONEYPOT_FILLED = _("Biểu mẫu bị từ chối vì có nội dung trong ô phải để trống (dấu hiệu gửi tự động).")
HONEYPOT_MISSING = _("Biểu mẫu bị từ chối vì thiếu ô kiểm tra chống gửi tự động. Vui lòng gửi từ trang của cổng.")
STAMP_INVALID = _("Không xác nhận được thời điểm mở biểu mẫu. Vui lòng tải lại trang rồi gửi lại.")
STAMP_TOO_FAST = _(
    "Biểu mẫu được gửi quá nhanh sau khi mở trang (dấu hiệu gửi tự động). Vui lòng đợi vài giây rồi bấm gửi lại."
)
STAMP_EXPIRED = _("Trang đã mở quá một ngày nên biểu mẫu hết hạn. Vui lòng bấm gửi lại.")


def _signer():
    return signing.TimestampSigner(salt=STAMP_SALT)


def new_stamp():
    """The signed time, to the millisecond, at which a form is drawn."""
    return _signer().sign(f"{time.time():.3f}")


def stamp_field(form_id=""):
    """The hidden input carrying a fresh stamp, for the template of a trapped form (``form`` names it)."""
    owner = format_html(' form="{}"', form_id) if form_id else ""
    return format_html('<input type="hidden" name="{}" value="{}"{}>', STAMP_FIELD, new_stamp(), owner)


def check_stamp(stamp):
    """Raise ``ValidationError`` unless ``stamp`` was signed here between the two bounds ago."""
    try:
        drawn = float(_signer().unsign(stamp, max_age=STAMP_MAX_SECONDS))
    except signing.SignatureExpired:
        raise forms.ValidationError(STAMP_EXPIRED, code="stamp_expired") from None
    except (signing.BadSignature, ValueError):
        raise forms.ValidationError(STAMP_INVALID, code="stamp_invalid") from None
    if time.time() - drawn < STAMP_MIN_SECONDS:
        raise forms.ValidationError(STAMP_TOO_FAST, code="stamp_too_fast")


class TrappedForm(forms.Form):
    """A public form with both traps; mixed into the form that people fill (``class F(TrappedForm, …)``).

    The stamp field is hidden and not drawn with the others: the template draws a fresh one with
    ``{% form_stamp %}``, also when it shows a refused form again, whose old stamp may be the reason.
    """

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_website(self):
        value = self["website"].data
        if value is None:
            raise forms.ValidationError(HONEYPOT_MISSING, code="honeypot_missing")
        if value != "":
            raise forms.ValidationError(HONEYPOT_FILLED, code="honeypot")
        return ""

    def clean_stamp(self):
        check_stamp(self.cleaned_data["stamp"])
        return ""
