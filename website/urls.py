from django.urls import path

from core.pagecache import cached_page
from website import views

app_name = "website"

urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path("trang/<slug:slug>/", cached_page(views.PageDetailView.as_view()), name="page"),
]
