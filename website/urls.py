from django.urls import path

from core.pagecache import cached_page
from website import views

app_name = "website"

urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path("tin-tu-xa-phuong/", cached_page(views.CommuneNewsView.as_view()), name="commune-news"),
    path("trang/<slug:slug>/", cached_page(views.PageDetailView.as_view()), name="page"),
]
