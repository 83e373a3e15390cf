"""Staff's own account pages: the password change and the two steps of two-factor sign-in."""

from django.contrib import admin
from django.contrib.auth.views import PasswordChangeView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp import login as otp_login

from accounts import twofactor
from accounts.forms import OTPCodeForm, StaffPasswordChangeForm


def password_change(request):
    """The admin's “change my password” page, with the form that ends the obligation to choose one's own."""
    request.current_app = admin.site.name
    return PasswordChangeView.as_view(
        form_class=StaffPasswordChangeForm,
        success_url=reverse("admin:password_change_done"),
        extra_context=admin.site.each_context(request),
    )(request)


def next_url(request):
    """Where to go once the code is accepted: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


class TwoFactorMixin:
    """The admin's look (its log-in page's) and the page to go on to."""

    title = None

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.page_context(self.title)}

    def page_context(self, title):
        return {**admin.site.each_context(self.request), "title": title, "next": next_url(self.request)}


class TwoFactorVerifyView(TwoFactorMixin, FormView):
    """The second step of logging in: a code from the app, or a recovery code."""

    template_name = "accounts/two_factor_verify.html"
    form_class = OTPCodeForm
    title = _("Xác thực hai bước")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not twofactor.has_device(request.user):
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        device = twofactor.matching_device(user=self.request.user, code=form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("Mã không đúng hoặc đã hết hạn. Nếu vừa nhập sai nhiều lần, hãy đợi một lát."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect(next_url(self.request))


class TwoFactorEnrolView(TwoFactorMixin, FormView):
    """Enrol an authenticator app: scan the QR code, confirm with a code, keep the recovery codes."""

    template_name = "accounts/two_factor_enrol.html"
    form_class = OTPCodeForm
    title = _("Đăng ký xác thực hai bước")

    def dispatch(self, request, *args, **kwargs):
        # Replacing a phone needs the old one (or a recovery code) first: the password alone is not enough.
        if twofactor.has_device(request.user) and not request.user.is_verified():
            return redirect(twofactor.page_then("two-factor-verify", request.path))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        app = twofactor.pending_app(user=self.request.user)
        return super().get_context_data(
            qr_code=twofactor.qr_code(app.config_url),
            secret=twofactor.secret_for_typing(app),
            required=twofactor.required_for(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        confirmed = twofactor.confirm_app(user=self.request.user, code=form.cleaned_data["code"])
        if confirmed is None:
            form.add_error("code", _("Mã không đúng. Hãy nhập mã đang hiện trong ứng dụng (mã đổi sau mỗi 30 giây)."))
            return self.form_invalid(form)
        app, codes = confirmed
        otp_login(self.request, app)
        context = {**self.page_context(_("Mã dự phòng")), "codes": codes}
        return TemplateResponse(self.request, "accounts/two_factor_recovery_codes.html", context)
