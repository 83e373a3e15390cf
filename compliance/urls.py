from django.urls import path

from compliance import views
from core.pagecache import cached_page

app_name = "compliance"

urlpatterns = [
    path("cong-khai/", cached_page(views.DisclosureListView.as_view()), name="list"),
]
