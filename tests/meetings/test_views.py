"""The public meeting pages: list, meeting, weekly schedule, iCalendar, open data, official."""

import json
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from meetings.models import AgendaItem, Attendee, Meeting, MeetingDocument, Task
from tests.articles.factories import make_article
from tests.documents.files import text_pdf
from tests.meetings.factories import make_meeting, make_official, make_paper

pytestmark = pytest.mark.django_db

# Per page: site settings, menu, maintenance notices, announcements and the visitor counter (7),
# plus the page's own queries, which must not grow with the number of attendees or items.
BUDGETS = {"list": 14, "detail": 16, "week": 11, "official": 11, "json": 8}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def days_from_now(days, hour=8):
    moment = timezone.localtime() + timezone.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def full_meeting():
    """A held regular session with every part filled in, and a news article that covered it."""
    meeting = make_meeting(
        "Phiên họp thường kỳ tháng 10",
        attendees=0,
        starts_at=days_from_now(-3),
        summary="Đánh giá kinh tế - xã hội tháng 10.",
        conclusion='<p>Giao các phòng hoàn thành báo cáo.</p><script>alert("x")</script>',
    )
    chair = make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện")
    people = [
        Attendee.objects.create(meeting=meeting, official=chair, role=Attendee.Role.CHAIR, order=1),
        Attendee.objects.create(
            meeting=meeting,
            name="Ngô Thanh Bình",
            position="Phó Trưởng phòng Tài chính - Kế hoạch",
            office="Phòng Tài chính - Kế hoạch",
            role=Attendee.Role.PRESENTER,
            order=2,
            represents="Bà Phạm Thu Hà, Trưởng phòng",
        ),
        Attendee.objects.create(
            meeting=meeting,
            name="Vũ Thị Hạnh",
            position="Trưởng phòng GD&ĐT",
            role=Attendee.Role.MEMBER,
            attendance=Attendee.Attendance.EXCUSED,
            order=3,
        ),
        Attendee.objects.create(meeting=meeting, name="Đỗ Thị Lan", role=Attendee.Role.SECRETARY, order=4),
    ]
    for order, (number, title) in enumerate([("3", "Vụ đông"), ("1", "Kinh tế - xã hội"), ("2", "Giải ngân")]):
        AgendaItem.objects.create(
            meeting=meeting, order=[2, 0, 1][order], number=number, title=title, presenter=people[1]
        )
    AgendaItem.objects.create(meeting=meeting, order=9, number="4", title="Nhân sự (không công khai)", is_public=False)
    Task.objects.create(
        meeting=meeting,
        description="Nạo vét kênh mương",
        responsible_office="Phòng Nông nghiệp",
        deadline=timezone.localdate() - timezone.timedelta(days=2),
    )
    Task.objects.create(
        meeting=meeting,
        description="Rà soát công trình",
        responsible_office="Phòng Tài chính - Kế hoạch",
        deadline=timezone.localdate() + timezone.timedelta(days=10),
    )
    make_paper(meeting, "Giấy mời phiên họp")
    make_paper(meeting, "Biên bản nháp", kind=MeetingDocument.Kind.MINUTES, is_published=False)
    meeting.articles.add(make_article("Huyện họp phiên thường kỳ tháng 10"))
    return meeting


def test_list_shows_upcoming_first_then_past(client):
    past = make_meeting("Phiên họp đã qua", starts_at=days_from_now(-5))
    later = make_meeting("Phiên họp tuần sau", starts_at=days_from_now(8), status=Meeting.Status.SCHEDULED)
    soon = make_meeting("Phiên họp ngày mai", starts_at=days_from_now(1), status=Meeting.Status.SCHEDULED)
    make_meeting("Họp nội bộ", is_public=False)
    html = client.get("/lich-hop/").content.decode()
    positions = [html.index(m.title) for m in (soon, later, past)]
    assert positions == sorted(positions)
    assert "Họp nội bộ" not in html


def test_list_filters_by_year_month_kind_and_body(client):
    make_meeting("Hội nghị tổng kết", kind=Meeting.Kind.CONFERENCE, starts_at=days_from_now(-400))
    make_meeting("Phiên thường kỳ", starts_at=days_from_now(-2), body="UBND huyện")
    last_year = str(
        timezone.localdate().year - 2
        if days_from_now(-400).year < timezone.localdate().year - 1
        else days_from_now(-400).year
    )
    html = client.get("/lich-hop/", {"kind": "hoi-nghi"}).content.decode()
    assert "Hội nghị tổng kết" in html and "Phiên thường kỳ" not in html
    html = client.get("/lich-hop/", {"year": last_year}).content.decode()
    assert "Hội nghị tổng kết" in html and "Phiên thường kỳ" not in html
    html = client.get("/lich-hop/", {"body": "UBND huyện"}).content.decode()
    assert "Phiên thường kỳ" in html and "Hội nghị tổng kết" not in html


@pytest.mark.parametrize("query", [{"year": "99999"}, {"month": "13"}, {"kind": "<script>"}, {"year": "abc"}])
def test_bad_filter_values_are_explained_not_a_crash(client, query):
    make_meeting("Phiên thường kỳ")
    response = client.get("/lich-hop/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Một số điều kiện lọc không hợp lệ nên đã được bỏ qua." in html
    assert "Phiên thường kỳ" in html


def test_meeting_page_shows_the_whole_record(client, full_meeting):
    html = client.get(full_meeting.get_absolute_url()).content.decode()
    for text in ("Phiên họp thường kỳ", "Phòng họp số 1", "Nguyễn Văn Hòa, Chủ tịch UBND huyện", "Chủ trì", "Thư ký"):
        assert text in html
    assert "dự thay Bà Phạm Thu Hà, Trưởng phòng" in html
    assert "Vắng có lý do" in html
    agenda = html[html.index('id="agenda-title"') :]
    assert [agenda.index(t) for t in ("Kinh tế - xã hội", "Giải ngân", "Vụ đông")] == sorted(
        agenda.index(t) for t in ("Kinh tế - xã hội", "Giải ngân", "Vụ đông")
    )
    assert "Nhân sự (không công khai)" not in html
    assert "Giao các phòng hoàn thành báo cáo." in html and "<script>alert" not in html
    assert re.search(r'<tr class="overdue">\s*<td>Nạo vét kênh mương', html)
    assert "Quá hạn" in html and "Đang thực hiện" in html
    assert "Giấy mời phiên họp" in html and "Biên bản nháp" not in html
    assert "Huyện họp phiên thường kỳ tháng 10" in html
    assert "Thông tin này có hữu ích với bạn không?" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == full_meeting.title


def test_attendees_are_grouped_by_role_chair_first(client, full_meeting):
    html = client.get(full_meeting.get_absolute_url()).content.decode()
    section = html[html.index('id="attendees-title"') : html.index('id="agenda-title"')]
    headings = re.findall(r"<h3>(.*?)</h3>", section)
    assert headings == ["Chủ trì", "Thành viên", "Báo cáo viên", "Thư ký"]


def test_article_page_links_back_to_the_meeting(client, full_meeting):
    article = full_meeting.articles.get()
    html = client.get(article.get_absolute_url()).content.decode()
    assert full_meeting.get_absolute_url() in html


def test_article_page_lists_the_public_meetings_that_covered_it_newest_first(client):
    article = make_article("Huyện bàn kế hoạch chuyển đổi số")
    older = make_meeting("Phiên họp tháng 9", starts_at=timezone.now() - timezone.timedelta(days=60))
    newer = make_meeting("Phiên họp tháng 10", starts_at=timezone.now() - timezone.timedelta(days=30))
    internal = make_meeting("Họp nội bộ về nhân sự", is_public=False)
    for meeting in (older, newer, internal):
        meeting.articles.add(article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Cuộc họp được đưa tin" in html
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())
    assert "Họp nội bộ" not in html


def test_internal_meeting_never_reaches_the_public(client):
    internal = make_meeting("Họp nội bộ về nhân sự", is_public=False, attendees=2)
    assert client.get(internal.get_absolute_url()).status_code == 404
    assert client.get(f"/lich-hop/{internal.slug}.json").status_code == 404
    assert b"nhan-su" not in client.get("/lich-hop/lich.ics").content
    assert "Họp nội bộ" not in client.get("/lich-cong-tac/").content.decode()
    official = internal.attendees.first().official
    assert "Họp nội bộ" not in client.get(official.get_absolute_url()).content.decode()


def test_week_shows_monday_to_sunday_with_links_to_other_weeks(client):
    monday = timezone.localdate() - timezone.timedelta(days=timezone.localdate().weekday())
    this_week = make_meeting("Họp trong tuần", starts_at=days_from_now(-timezone.localdate().weekday() + 2))
    make_meeting("Họp tuần trước", starts_at=days_from_now(-timezone.localdate().weekday() - 3))
    html = client.get("/lich-cong-tac/").content.decode()
    assert this_week.title in html and "Họp tuần trước" not in html
    assert monday.strftime("%d/%m/%Y") in html
    assert html.count('class="week-day') == 7
    previous = re.search(r'href="\?tuan=([\d-]+W\d+)" rel="prev"', html).group(1)
    assert "Họp tuần trước" in client.get("/lich-cong-tac/", {"tuan": previous}).content.decode()


@pytest.mark.parametrize("week", ["2026-W99", "abc", "2026-W", "-W1"])
def test_bad_week_falls_back_to_this_week_with_a_message(client, week):
    response = client.get("/lich-cong-tac/", {"tuan": week})
    assert response.status_code == 200
    assert "không hợp lệ; đang hiện tuần này." in response.content.decode()


def test_icalendar_feed_is_valid(client, full_meeting):
    make_meeting("Phiên sắp tới", starts_at=days_from_now(3), status=Meeting.Status.SCHEDULED)
    response = client.get("/lich-hop/lich.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Phiên họp thường kỳ tháng 10", "Phiên sắp tới"}
    event = next(e for e in events if str(e["SUMMARY"]) == "Phiên họp thường kỳ tháng 10")
    assert event.decoded("DTSTART") == full_meeting.starts_at
    assert str(event["LOCATION"]) == "Phòng họp số 1"
    assert str(event["URL"]).endswith(full_meeting.get_absolute_url())


def test_open_data_uses_open_civic_data_event_keys(client, full_meeting):
    data = client.get(f"/lich-hop/{full_meeting.slug}.json").json()
    for key in (
        "name",
        "description",
        "classification",
        "start_date",
        "end_date",
        "timezone",
        "status",
        "location",
        "participants",
        "agenda",
        "documents",
        "sources",
    ):
        assert key in data
    assert data["timezone"] == "Asia/Ho_Chi_Minh" and data["status"] == "passed"
    assert [item["description"] for item in data["agenda"]] == ["Kinh tế - xã hội", "Giải ngân", "Vụ đông"]
    assert [item["order"] for item in data["agenda"]] == ["1", "2", "3"]
    first = data["agenda"][0]
    assert {"order", "description", "notes", "related_entities"} <= set(first)
    assert first["related_entities"][0]["name"] == "Ngô Thanh Bình"
    assert data["participants"][0]["name"] == "Nguyễn Văn Hòa"
    assert [d["note"] for d in data["documents"]] == ["Giấy mời phiên họp"]
    assert data["sources"][0]["url"].endswith(full_meeting.get_absolute_url())


def test_official_page_lists_meetings_attended_and_chaired(client, full_meeting):
    chair = full_meeting.chair.official
    other = make_meeting("Hội nghị khác")
    Attendee.objects.create(meeting=other, official=chair, role=Attendee.Role.MEMBER)
    html = client.get(chair.get_absolute_url()).content.decode()
    chaired = html[html.index('id="chaired-title"') : html.index('id="attended-title"')]
    assert full_meeting.title in chaired and "Hội nghị khác" not in chaired
    attended = html[html.index('id="attended-title"') :]
    assert full_meeting.title in attended and "Hội nghị khác" in attended


def big_meeting(size):
    meeting = make_meeting("Phiên họp lớn", attendees=size, agenda=size, starts_at=days_from_now(1))
    for _ in range(3):
        make_meeting(attendees=size, agenda=2)
    pdf = text_pdf(["Báo cáo"])
    for item in meeting.agenda_items.all()[:size]:
        make_paper(meeting, "Báo cáo", kind=MeetingDocument.Kind.REPORT, agenda_item=item, data=pdf)
    Task.objects.bulk_create(
        Task(meeting=meeting, description=f"Việc {i}", responsible_office="Phòng") for i in range(size)
    )
    return meeting


@pytest.mark.parametrize("size", [5, 200])
@pytest.mark.parametrize("page", sorted(BUDGETS))
def test_meeting_pages_keep_their_query_budget(client, django_assert_max_num_queries, settings, size, page):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own cost, not the cache's
    meeting = big_meeting(size)
    url = {
        "list": "/lich-hop/",
        "detail": meeting.get_absolute_url(),
        "week": "/lich-cong-tac/",
        "official": meeting.chair.official.get_absolute_url(),
        "json": f"/lich-hop/{meeting.slug}.json",
    }[page]
    client.get(url)
    cache.clear()
    with django_assert_max_num_queries(BUDGETS[page]):
        response = client.get(url)
    assert response.status_code == 200


def test_the_body_filter_offers_one_value_per_body_and_old_addresses_still_work(client, unit):
    unit.short_name = "UBND huyện Sông Lam"
    unit.save()
    make_meeting("Phiên họp tháng 9", starts_at=days_from_now(-30))
    old = [
        make_meeting("Phiên họp tháng 7", starts_at=days_from_now(-90)),
        make_meeting("Phiên họp tháng 8", starts_at=days_from_now(-60)),
    ]
    Meeting.objects.filter(pk=old[0].pk).update(body="UBND")  # written before the unit's short name filled it
    Meeting.objects.filter(pk=old[1].pk).update(body="Ủy ban nhân dân ")
    make_meeting("Kỳ họp thứ 8", starts_at=days_from_now(-20), body="HĐND huyện Sông Lam")
    html = client.get("/lich-hop/").content.decode()
    options = re.findall(r'<option value="([^"]*)"', html[html.index('name="body"') :].split("</select>")[0])
    assert options == ["", "HĐND huyện Sông Lam", "UBND huyện Sông Lam"]
    for value in ("UBND huyện Sông Lam", "UBND"):
        html = client.get("/lich-hop/", {"body": value}).content.decode()
        assert all(f"Phiên họp tháng {month}" in html for month in (7, 8, 9)) and "Kỳ họp thứ 8" not in html
    assert make_meeting("Phiên họp tháng 10", body="ubnd").body == "UBND huyện Sông Lam"


def next_monday(hour=8):
    today = timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)
    return today + timezone.timedelta(days=7 - today.weekday())


def test_day_names_are_written_in_words_and_months_in_the_readers_language(client):
    monday = next_monday()
    meeting = make_meeting("Phiên họp thường kỳ", starts_at=monday)
    make_meeting("Buổi làm việc cuối tuần", starts_at=monday + timezone.timedelta(days=6))
    assert f"Thứ Hai, {monday:%d/%m/%Y} 08:00" in client.get(meeting.get_absolute_url()).content.decode()
    week = client.get("/lich-cong-tac/", {"tuan": f"{monday:%G-W%V}"}).content.decode()
    assert f"Thứ Hai, {monday:%d/%m/%Y}" in week and "Chủ nhật," in week and "Thứ 2" not in week
    assert '<option value="11">Tháng 11</option>' in client.get("/lich-hop/").content.decode()
    client.get("/ngon-ngu/", {"language": "en", "next": "/"})
    assert f"Monday, {monday:%d/%m/%Y} 08:00" in client.get(meeting.get_absolute_url()).content.decode()
    months = client.get("/lich-hop/").content.decode()
    assert '<option value="11">November</option>' in months and "Tháng 11" not in months
