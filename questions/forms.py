"""Forms of the questions app: the citizen's question (trapped like a comment) and the look-up by code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import TrappedForm
from core.names import check_public_name
from core.text import nfc
from documents.models import Field
from questions import codes
from questions.models import Office, Question

ARCHIVED_NO_QUESTIONS = _("Cổng thông tin này chỉ còn lưu trữ nên không nhận câu hỏi mới.")
NO_CONTACT = _("Vui lòng nhập điện thoại hoặc email để cán bộ liên hệ khi cần.")
# A Vietnamese number as people write it: 0912 345 678, 0912.345.678, +84 912 345 678, (024) 3825 1234.
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_PHONE = re.compile(r"^0\d{9,10}$")


def normalize_phone(typed):
    """``+84 912.345.678`` → ``0912345678``; ``ValidationError`` when it is no Vietnamese number."""
    phone = _PHONE_SEPARATORS.sub("", typed or "")
    if phone.startswith("+84"):
        phone = "0" + phone[3:]
    elif phone.startswith("84") and len(phone) == 11:
        phone = "0" + phone[2:]
    if not _PHONE.match(phone):
        raise forms.ValidationError(
            _("Số điện thoại không hợp lệ: hãy nhập 10 hoặc 11 chữ số, ví dụ 0912 345 678."), code="phone"
        )
    return phone


class AskForm(TrappedForm, forms.ModelForm):
    """Gửi câu hỏi: who asks, how to reach them (never shown), the field, the question, an optional file."""

    field = forms.ModelChoiceField(
        queryset=Field.objects.all(),
        label=_("Lĩnh vực"),
        empty_label=_("— Chọn lĩnh vực —"),
        error_messages={"required": _("Vui lòng chọn lĩnh vực của câu hỏi.")},
    )

    class Meta:
        model = Question
        fields = ["name", "phone", "email", "field", "title", "body", "file"]
        labels = {
            "name": _("Họ và tên"),
            "phone": _("Điện thoại"),
            "email": _("Email"),
            "title": _("Tiêu đề câu hỏi"),
            "body": _("Nội dung câu hỏi"),
            "file": _("Tệp đính kèm (không bắt buộc: PDF, Word, Excel…)"),
        }
        help_texts = {
            "phone": _("Nhập điện thoại hoặc email (ít nhất một) để cán bộ liên hệ khi cần. Không hiện công khai."),
            "file": "",
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        error_messages = {
            "name": {"required": _("Vui lòng nhập họ tên."), "max_length": _("Họ tên tối đa 100 ký tự.")},
            "email": {"invalid": _("Địa chỉ email không hợp lệ.")},
            "title": {"required": _("Vui lòng nhập tiêu đề câu hỏi."), "max_length": _("Tiêu đề tối đa 200 ký tự.")},
            "body": {"required": _("Vui lòng nhập nội dung câu hỏi.")},
        }

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean(self):
        """An archived unit takes no questions; a question without any way to reach the asker is refused."""
        if self.unit.archived:
            raise forms.ValidationError(ARCHIVED_NO_QUESTIONS, code="archived")
        cleaned = super().clean()
        typed_wrong = self.errors.get("phone") or self.errors.get("email")
        if not typed_wrong and not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", forms.ValidationError(NO_CONTACT, code="contact"))
        return cleaned

    def clean_name(self):
        """The name may appear with the answer: the same checks as a commenter's (core/names.py)."""
        reserved = (self.unit.name, self.unit.short_name)
        name = check_public_name(nfc(self.cleaned_data["name"]), reserved=reserved)
        if not name:
            raise forms.ValidationError(_("Vui lòng nhập họ tên."), code="required")
        return name

    def clean_phone(self):
        typed = self.cleaned_data["phone"].strip()
        return normalize_phone(typed) if typed else ""

    def clean_title(self):
        title = " ".join(nfc(self.cleaned_data["title"]).split())
        if not title:
            raise forms.ValidationError(_("Vui lòng nhập tiêu đề câu hỏi."), code="required")
        return title

    def clean_body(self):
        body = nfc(self.cleaned_data["body"]).strip()
        if not body:
            raise forms.ValidationError(_("Vui lòng nhập nội dung câu hỏi."), code="required")
        if len(body) > 4000:
            raise forms.ValidationError(_("Câu hỏi tối đa 4.000 ký tự."), code="max_length")
        return body


class LookupForm(forms.Form):
    """Tra cứu: the tracking code, however it was typed (spaces, lower case)."""

    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "HD-XXXX-XXXX", "autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Vui lòng nhập mã tra cứu.")},
    )

    def clean_code(self):
        code = codes.normalize(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("Mã tra cứu có dạng HD-XXXX-XXXX, ví dụ HD-7K3Q-2M9X."), code="format")
        return code


STEPS_FOR_EDITOR = [
    ("", _("Chỉ lưu")),
    ("assign", _("Phân công cho phòng, ban (tính hạn trả lời)")),
    ("answer", _("Lưu trả lời, chờ duyệt")),
    ("publish", _("Duyệt và công khai câu trả lời")),
    ("withdraw", _("Gỡ khỏi cổng")),
    ("decline", _("Không tiếp nhận (ghi lý do)")),
]
STEPS_FOR_ANSWERER = [("", _("Chỉ lưu")), ("answer", _("Gửi trả lời để Trưởng ban biên tập duyệt"))]


class QuestionAdminForm(forms.ModelForm):
    """The admin's question form: the step chosen below the fields runs the matching service on save."""

    step = forms.ChoiceField(label=_("Bước xử lý"), choices=STEPS_FOR_EDITOR, required=False)
    days = forms.IntegerField(
        label=_("Số ngày làm việc để trả lời"),
        min_value=1,
        max_value=60,
        required=False,
        help_text=_("Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ. Để trống: theo mặc định của cổng."),
    )

    class Meta:
        model = Question
        fields = ["title", "body", "field", "office", "answer", "decline_reason", "pinned"]

    def __init__(self, *args, editor=False, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "step" in self.fields and not editor:
            self.fields["step"].choices = STEPS_FOR_ANSWERER
        if "office" in self.fields and unit is not None:
            self.fields["office"].queryset = Office.objects.of(unit)

    def clean(self):
        cleaned = super().clean()
        step = cleaned.get("step")
        if step == "assign" and not cleaned.get("office", self.instance.office):
            self.add_error("office", _("Hãy chọn phòng, ban trả lời."))
        if step in ("answer", "publish") and not (cleaned.get("answer", self.instance.answer) or "").strip():
            self.add_error("answer", _("Hãy nhập nội dung trả lời."))
        if step == "publish" and not cleaned.get("office", self.instance.office):
            self.add_error("office", _("Hãy chọn phòng, ban trả lời."))
        if step == "decline" and not (cleaned.get("decline_reason", self.instance.decline_reason) or "").strip():
            self.add_error("decline_reason", _("Hãy ghi lý do không tiếp nhận để người hỏi biết."))
        return cleaned
