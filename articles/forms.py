"""Forms of the articles app: the readers' comment form and the admin article form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Comment
from core.text import nfc


class CommentForm(forms.ModelForm):
    """Thêm nhận xét mới: name, optional e-mail, plain text; ``website`` is a trap for robots."""

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

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

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Nhận xét bị từ chối vì có nội dung trong ô phải để trống (dấu hiệu gửi tự động)."),
                code="honeypot",
            )
        return ""

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
