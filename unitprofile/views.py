"""Public pages of the unit's profile: the overview, the organisation, the leaders, one page per section."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from meetings.models import Official
from unitprofile.models import Office, ProfileSection


def _crumbs(*more):
    return [(_("Giới thiệu"), reverse("unitprofile:overview")), *more]


class OverviewView(TemplateView):
    """/gioi-thieu/: what the profile holds, each item linked, the empty ones left out."""

    template_name = "unitprofile/overview.html"

    def get_context_data(self, **kwargs):
        sections = ProfileSection.objects.of(self.request.unit).published().defer("body", "body_en")
        return super().get_context_data(sections=sections, crumbs=[(_("Giới thiệu"), "")], **kwargs)


class OrganisationView(ListView):
    """/gioi-thieu/co-cau-to-chuc/: the committee's offices, their functions, heads and contacts."""

    template_name = "unitprofile/organisation.html"
    context_object_name = "offices"

    def get_queryset(self):
        return Office.objects.of(self.request.unit).select_related("head")

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=_crumbs((_("Cơ cấu tổ chức"), "")), **kwargs)


class LeadersView(ListView):
    """/gioi-thieu/lanh-dao/: each leader's short biography and assigned duties (from the officials directory)."""

    template_name = "unitprofile/leaders.html"
    context_object_name = "leaders"

    def get_queryset(self):
        return Official.objects.of(self.request.unit).filter(is_active=True, is_leader=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=_crumbs((_("Lãnh đạo"), "")), **kwargs)


class SectionView(TemplateView):
    """/gioi-thieu/<kind>/: one item of the profile with its photos."""

    template_name = "unitprofile/section.html"

    def get_context_data(self, **kwargs):
        rows = ProfileSection.objects.of(self.request.unit).published().prefetch_related("photos")
        section = get_object_or_404(rows, kind=self.kwargs["kind"])
        return super().get_context_data(section=section, crumbs=_crumbs((section.heading(), "")), **kwargs)
