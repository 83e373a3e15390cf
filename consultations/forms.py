"""The public comment form of a consultation; the admin form that checks the consultation's dates."""

import re

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from consultations import services
from consultations.models import COMMENT_MAX_LENGTH, ConsultationComment
from core.antispam import TrappedForm
from core.names import check_public_name
from core.text import nfc

PHONE = re.compile(r"^\+?[0-9][0-9 .-]{6,18}[0-9]$")


class CommentForm(TrappedForm, forms.ModelForm):
    """Góp ý dự thảo: name, optional organisation and contact, the part of the draft, the text, a file.

    When the unit lists the draft's sections, the part is a choice among them; else free text.
    """

    class Meta:
        model = ConsultationComment
        fields = ["name", "organisation", "contact", "section", "body", "file"]
        labels = {
            "name": _("Họ và tên"),
            "organisation": _("Cơ quan, tổ chức (không bắt buộc)"),
            "contact": _("Điện thoại hoặc email (không bắt buộc, không hiện công khai)"),
            "section": _("Góp ý vào điều, khoản, mục (không bắt buộc)"),
            "body": _("Nội dung góp ý"),
            "file": _("Tệp đính kèm (không bắt buộc: PDF, Word, Excel, OpenDocument)"),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 8, "maxlength": COMMENT_MAX_LENGTH})}
        error_messages = {
            "name": {"required": _("Vui lòng nhập họ tên."), "max_length": _("Họ tên tối đa 100 ký tự.")},
            "body": {
                "required": _("Vui lòng nhập nội dung góp ý."),
                "max_length": _("Góp ý tối đa 10.000 ký tự (hiện có %(show_value)d)."),
            },
        }

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        sections = consultation.section_choices()
        if sections:
            self.fields["section"] = forms.ChoiceField(
                label=self.fields["section"].label,
                required=False,
                choices=[("", _("Toàn bộ dự thảo")), *((s, s) for s in sections)],
            )
        self.fields["contact"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        """Refused as a whole on an archived unit, or outside the consultation's period."""
        reason = services.refusal(self.consultation)
        if reason:
            raise forms.ValidationError(reason, code="refused")
        return super().clean()

    def clean_name(self):
        """No hidden controls, no mixed scripts, no disguise as the staff or the unit (core/names.py)."""
        unit = self.consultation.unit
        name = check_public_name(nfc(self.cleaned_data["name"]), reserved=(unit.name, unit.short_name))
        if not name:
            raise forms.ValidationError(_("Vui lòng nhập họ tên."), code="required")
        return name

    def clean_organisation(self):
        organisation = nfc(self.cleaned_data["organisation"]).strip()
        return check_public_name(organisation) if organisation else ""

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if not contact or PHONE.match(contact):
            return contact
        try:
            validate_email(contact)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Hãy ghi số điện thoại hoặc địa chỉ email hợp lệ, hoặc để trống."), code="invalid"
            ) from None
        return contact

    def clean_body(self):
        body = nfc(self.cleaned_data["body"]).strip()
        if not body:
            raise forms.ValidationError(_("Vui lòng nhập nội dung góp ý."), code="required")
        return body

    def clean_file(self):
        """A smaller limit than the staff's documents; the content checks are the model field's (core/uploads)."""
        upload = self.cleaned_data.get("file")
        limit = settings.CONSULTATION_FILE_MAX_MB
        if upload and getattr(upload, "size", 0) > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("Tệp quá lớn. Giới hạn là %(limit)d MB."), params={"limit": limit}, code="too_large"
            )
        return upload

    def cleaned_data_for_service(self):
        """The fields ``services.add_comment`` takes, by name."""
        return {name: self.cleaned_data.get(name) or "" for name in self.Meta.fields}
