from django.urls import path

from stats import views

app_name = "stats"

urlpatterns = [
    path("danh-gia/", views.FeedbackView.as_view(), name="feedback"),
    path("thong-ke/ghi/", views.beacon, name="beacon"),
]
