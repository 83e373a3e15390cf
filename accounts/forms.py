"""The forms staff fill in for their own account: a new password, the second factor's code."""

from django import forms
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile


class StaffPasswordChangeForm(AdminPasswordChangeForm):
    """The admin's “change my password”, which also settles the obligation to choose one's own.

    The obligation ends here, when a password different from the one the administrator gave has
    been saved, and nowhere else: not on visiting a page.
    """

    error_messages = {
        **AdminPasswordChangeForm.error_messages,
        "password_unchanged": _("Mật khẩu mới phải khác mật khẩu hiện tại."),
    }

    def clean(self):
        cleaned_data = super().clean()
        password = cleaned_data.get("new_password1")
        if password and self.user.check_password(password):
            self.add_error(
                "new_password1", ValidationError(self.error_messages["password_unchanged"], code="password_unchanged")
            )
        return cleaned_data

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            Profile.objects.filter(user=user).update(must_change_password=False)
        return user


class OTPCodeForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
        help_text=_("Mã 6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng."),
    )

    def clean_code(self):
        """Spaces and hyphens people type while copying a code are not part of it."""
        return "".join(c for c in self.cleaned_data["code"] if c.isalnum()).lower()
