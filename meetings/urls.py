from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("lich-hop/", views.MeetingListView.as_view(), name="list"),
    path("lich-hop/lich.ics", views.meetings_ics, name="ics"),
    path("lich-hop/can-bo/<slug:slug>/", views.OfficialDetailView.as_view(), name="official"),
    path("lich-hop/<slug:slug>.json", views.meeting_json, name="json"),
    path("lich-hop/<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
    path("lich-cong-tac/", views.WeekView.as_view(), name="week"),
]
