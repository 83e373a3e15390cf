from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("trang/<slug:slug>/", views.PageDetailView.as_view(), name="page"),
    path("ngon-ngu/", views.switch_language, name="language"),
]
