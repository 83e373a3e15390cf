from django.urls import path

from core.pagecache import cached_page
from documents import feeds, views

app_name = "documents"

urlpatterns = [
    path("van-ban/", cached_page(views.DocumentListView.as_view()), name="list"),
    path("van-ban/tim-kiem/", cached_page(views.DocumentSearchView.as_view()), name="search"),
    path("van-ban/rss/", cached_page(feeds.LatestDocumentsFeed()), name="rss"),
    path("van-ban/du-lieu.json", cached_page(views.DocumentJSONView.as_view()), name="data-json"),
    path("van-ban/du-lieu.csv", cached_page(views.DocumentCSVView.as_view()), name="data-csv"),
    path("van-ban/<slug:slug>/", cached_page(views.DocumentDetailView.as_view()), name="detail"),
]
