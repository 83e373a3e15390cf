"""Forms of the articles app: the readers' comment form and the admin article form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Comment
from core.antispam import TrappedForm
from core.names import check_public_name
from core.text import nfc

ARCHIVED_NO_COMMENTS = _("Cổng thông tin này chỉ còn lưu trữ nên không nhận nhận xét mới.")


class CommentForm(TrappedForm, forms.ModelForm):
    """Thêm nhận xét mới: name, optional e-mail, plain text; the honeypot and the stamp trap robots."""

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"name": _("Họ và tên"), "email": _("Email (không bắt buộc, không hiện công khai)")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5, "maxlength": 2000})}
        error_messages = {
            "name": {"required": _("Vui lòng nhập họ tên."), "max_length": _("Họ tên tối đa 100 ký tự.")},
            "email": {"invalid": _("Địa chỉ email không hợp lệ.")},
            "body": {
                "required": _("Vui lòng nhập nội dung nhận xét."),
                "max_length": _("Nhận xét tối đa 2.000 ký tự (hiện có %(show_value)d)."),
            },
        }

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean(self):
        """An archived unit's portal stays online to be read; it takes no new comments."""
        if self.unit.archived:
            raise forms.ValidationError(ARCHIVED_NO_COMMENTS, code="archived")
        return super().clean()

    def clean_name(self):
        """No hidden controls, no mixed scripts, no disguise as the staff or the unit (core/names.py)."""
        reserved = (self.unit.name, self.unit.short_name)
        name = check_public_name(nfc(self.cleaned_data["name"]), reserved=reserved)
        if not name:
            raise forms.ValidationError(_("Vui lòng nhập họ tên."), code="required")
        return name

    def clean_body(self):
        body = nfc(self.cleaned_data["body"]).strip()
        if not body:
            raise forms.ValidationError(_("Vui lòng nhập nội dung nhận xét."), code="required")
        return body


class ArticleAdminForm(forms.ModelForm):
    """The admin form: an image needs its alt text (the field itself re-encodes it, core.fields.CleanImageField)."""

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "category",
            "kind",
            "lead",
            "body",
            "image",
            "image_caption",
            "image_alt",
            "show_until",
            "pinned",
            "status",
            "published_at",
            "author",
            "source",
            "related",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Hãy mô tả ảnh (alt) cho người khiếm thị."))
        return cleaned
