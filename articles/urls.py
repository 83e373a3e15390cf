from django.urls import path

from articles import feeds, views
from core.pagecache import cached_page

app_name = "articles"

urlpatterns = [
    path("tin-tuc/", cached_page(views.ArticleListView.as_view()), name="list"),
    path("tin-tuc/<slug:slug>/", cached_page(views.ArticleDetailView.as_view()), name="detail"),
    path("chuyen-muc/<slug:slug>/", cached_page(views.CategoryArticleListView.as_view()), name="category"),
    path("thong-bao/", cached_page(views.AnnouncementListView.as_view()), name="announcements"),
    path("tim-kiem/", cached_page(views.SearchView.as_view()), name="search"),
    path("rss/", cached_page(feeds.LatestArticlesFeed()), name="rss"),
    path("rss/<slug:slug>/", cached_page(feeds.CategoryFeed()), name="rss-category"),
    path("bien-tap/xem-truoc/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("bien-tap/tai-anh/", views.editor_image_upload, name="editor-upload"),
]
