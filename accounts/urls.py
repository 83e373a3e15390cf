"""Staff's own account pages, under /admin/ beside the admin's (listed first, so they take these addresses)."""

from django.contrib import admin
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    # The admin's own address and name (admin:password_change), with the portal's form.
    path("admin/password_change/", admin.site.admin_view(views.password_change)),
    path("admin/xac-thuc/", admin.site.admin_view(views.TwoFactorVerifyView.as_view()), name="two-factor-verify"),
    path(
        "admin/xac-thuc/dang-ky/",
        admin.site.admin_view(views.TwoFactorEnrolView.as_view()),
        name="two-factor-enrol",
    ),
]
