"""Forms of the articles app: the readers' comment form and the admin article form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import services
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
    """The admin form: content, and the workflow step its button asked for.

    The status is no field of it: the buttons move an article (``articles.services.Action``), and
    the form refuses a step the user may not take, before anything is saved. ``user`` and
    ``action`` are set by ``ArticleAdmin.get_form`` for the request. ``loaded_version`` carries the
    time the article was last saved when the form was opened: if someone saved it since, this save
    is refused instead of silently overwriting theirs.
    """

    return_reason = forms.CharField(
        label=_("Lý do trả lại"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Người viết đọc lý do này trên trang đầu và trong thư báo."),
    )
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    user = None
    action = None

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
            "published_at",
            "author",
            "source",
            "related",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Hãy mô tả ảnh (alt) cho người khiếm thị."))
        self._check_not_stale()
        self._check_action(cleaned)
        return cleaned

    def _check_not_stale(self):
        loaded = self.cleaned_data.get("loaded_version")
        if not self.instance.pk or not loaded:
            return
        saved = Article.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        if saved is not None and saved.isoformat() != loaded:
            raise forms.ValidationError(
                _(
                    "Bài này vừa được người khác lưu lúc %(when)s, sau khi bạn mở nó. Thay đổi của bạn "
                    "chưa được lưu để không ghi đè lên của họ: hãy chép phần bạn vừa sửa, mở lại bài "
                    "rồi sửa tiếp."
                )
                % {"when": timezone.localtime(saved).strftime("%H:%M:%S %d/%m/%Y")},
                code="stale",
            )

    def _check_action(self, cleaned):
        """Refuse a step this user may not take here (a crafted POST included), or one not ready yet."""
        Action = services.Action
        if self.user is None or self.action is None:
            return
        if self.action not in services.allowed_actions(self.user, self.instance):
            raise forms.ValidationError(_("Bạn không được thực hiện thao tác này với bài."), code="forbidden")
        try:
            if self.action == Action.SUBMIT:
                services.check_alt_text(body=cleaned.get("body") or "")
            elif self.action in (Action.PUBLISH, Action.SCHEDULE):
                services.check_publishable(article=self.instance, body=cleaned.get("body") or "")
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        if self.action == Action.SCHEDULE:
            at = cleaned.get("published_at")
            if at is None or at <= timezone.now():
                raise forms.ValidationError(
                    _("Hãy chọn thời điểm xuất bản trong tương lai để lên lịch."), code="schedule_time"
                )
        if self.action == Action.RETURN and not (cleaned.get("return_reason") or "").strip():
            raise forms.ValidationError(_("Hãy ghi lý do trả lại để người viết biết cần sửa gì."), code="reason")
