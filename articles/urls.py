from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("tin-tuc/", views.ArticleListView.as_view(), name="list"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("thong-bao/", views.AnnouncementListView.as_view(), name="announcements"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("rss/<slug:slug>/", feeds.CategoryFeed(), name="rss-category"),
    path("bien-tap/xem-truoc/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("bien-tap/tai-anh/", views.editor_image_upload, name="editor-upload"),
]
