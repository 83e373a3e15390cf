"""The one-click satisfaction question under articles and meetings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.antispam import TrappedForm
from stats.models import FEEDBACK_COMMENT_MAX_LENGTH


class FeedbackForm(TrappedForm):
    """Which page, yes or no, and an optional comment; the page is named as ``app_label.model:pk``.

    Robots are kept out by the honeypot and the stamp (core/antispam.py), as on the comment form.
    """

    target = forms.RegexField(regex=r"^[a-z_]+\.[a-z_]+:\d{1,18}$", widget=forms.HiddenInput)
    useful = forms.TypedChoiceField(
        label=_("Thông tin này có hữu ích với bạn không?"),
        choices=[("1", _("Có")), ("0", _("Không"))],
        coerce=lambda value: value == "1",
        error_messages={
            "required": _("Vui lòng chọn Có hoặc Không."),
            "invalid_choice": _("Vui lòng chọn Có hoặc Không."),
        },
    )
    comment = forms.CharField(
        label=_("Góp ý thêm (không bắt buộc)"),
        required=False,
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": FEEDBACK_COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": _("Góp ý dài tối đa %(limit_value)d ký tự (bạn đã nhập %(show_value)d)."),
        },
    )

    def __init__(self, *args, **kwargs):
        # Its honeypot shares the article page with the comment form's: ids of its own.
        kwargs.setdefault("auto_id", "danh-gia-%s")
        super().__init__(*args, **kwargs)
