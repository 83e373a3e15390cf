from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("ngon-ngu/", views.switch_language, name="language"),
    path("favicon.ico", views.favicon, name="favicon"),
]
