from django.urls import path

from consultations import views
from core.pagecache import cached_page

app_name = "consultations"

urlpatterns = [
    path("lay-y-kien/", cached_page(views.ConsultationListView.as_view()), name="list"),
    path("lay-y-kien/<slug:slug>/", cached_page(views.ConsultationDetailView.as_view()), name="detail"),
]
