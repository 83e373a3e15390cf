from django.urls import path

from core.pagecache import cached_page
from meetings import views

app_name = "meetings"

urlpatterns = [
    path("lich-hop/", cached_page(views.MeetingListView.as_view()), name="list"),
    path("lich-hop/lich.ics", cached_page(views.meetings_ics), name="ics"),
    path("lich-hop/can-bo/<slug:slug>/", cached_page(views.OfficialDetailView.as_view()), name="official"),
    path("lich-hop/<slug:slug>.json", cached_page(views.meeting_json), name="json"),
    path("lich-hop/<slug:slug>/", cached_page(views.MeetingDetailView.as_view()), name="detail"),
    path("lich-cong-tac/", cached_page(views.WeekView.as_view()), name="week"),
]
