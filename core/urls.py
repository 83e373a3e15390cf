from django.urls import path

from core import views
from core.pagecache import cached_page

app_name = "core"

urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path("trang/<slug:slug>/", cached_page(views.PageDetailView.as_view()), name="page"),
    path("ngon-ngu/", views.switch_language, name="language"),
]
