"""The public list of disclosed information, and the compliance check in the admin."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from compliance import access, checks, registry


class DisclosureListView(TemplateView):
    """/cong-khai/: each kind of information the unit must publish, where, in what form, last updated."""

    template_name = "compliance/disclosure_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=registry.disclosure_list(self.request.unit),
            crumbs=[(_("Danh mục thông tin phải công khai"), "")],
            **kwargs,
        )


def check_view(request):
    """The admin's page of findings for the request's unit (wrapped in ``admin_site.admin_view`` in portal/urls.py)."""
    if not access.may_check(request.user, request.unit):
        raise PermissionDenied
    findings = checks.check_unit(request.unit)
    context = {
        **admin.site.each_context(request),
        "title": _("Kiểm tra tuân thủ"),
        "unit": request.unit,
        "findings": findings,
        "failing": sum(finding.failing for finding in findings),
    }
    return TemplateResponse(request, "compliance/admin/check.html", context)
