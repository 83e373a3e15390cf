from django.urls import path

from core.pagecache import cached_page
from questions import views

app_name = "questions"

# The blank forms come from the page cache too; their POSTs never do (core/pagecache.py passes them by).
urlpatterns = [
    path("hoi-dap/", cached_page(views.QuestionListView.as_view()), name="list"),
    path("hoi-dap/gui-cau-hoi/", cached_page(views.AskView.as_view()), name="ask"),
    path("hoi-dap/tra-cuu/", cached_page(views.LookupView.as_view()), name="lookup"),
    path("hoi-dap/<slug:slug>/", cached_page(views.QuestionDetailView.as_view()), name="detail"),
]
