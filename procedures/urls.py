from django.urls import path

from core.pagecache import cached_page
from procedures import views

app_name = "procedures"

urlpatterns = [
    path("thu-tuc-hanh-chinh/", cached_page(views.ProcedureListView.as_view()), name="list"),
    path("thu-tuc-hanh-chinh/<str:code>/", cached_page(views.ProcedureDetailView.as_view()), name="detail"),
]
