from django.urls import path

from core.pagecache import cached_page
from unitprofile import views

app_name = "unitprofile"

urlpatterns = [
    path("gioi-thieu/", cached_page(views.OverviewView.as_view()), name="overview"),
    path("gioi-thieu/co-cau-to-chuc/", cached_page(views.OrganisationView.as_view()), name="organisation"),
    path("gioi-thieu/lanh-dao/", cached_page(views.LeadersView.as_view()), name="leaders"),
    path("gioi-thieu/<slug:kind>/", cached_page(views.SectionView.as_view()), name="section"),
]
