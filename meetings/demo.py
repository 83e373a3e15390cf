"""Demo meetings of the fictional district of Sông Lam, written by the team. Idempotent."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from core.text import slugify_vi
from meetings.models import AgendaItem, Attendee, Document, Meeting, Official, Task

OFFICIALS = (
    ("Nguyễn Văn Hòa", "Chủ tịch UBND huyện", "UBND huyện"),
    ("Trần Thị Mai", "Phó Chủ tịch UBND huyện", "UBND huyện"),
    ("Lê Quang Vinh", "Phó Chủ tịch UBND huyện", "UBND huyện"),
    ("Hoàng Đức Thịnh", "Chánh Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND huyện"),
    ("Phạm Thu Hà", "Trưởng phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch"),
    ("Đặng Văn Lộc", "Trưởng phòng Nông nghiệp và Môi trường", "Phòng Nông nghiệp và Môi trường"),
    ("Vũ Thị Hạnh", "Trưởng phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"),
    ("Bùi Minh Tuấn", "Chủ tịch Ủy ban MTTQ Việt Nam huyện", "Ủy ban MTTQ Việt Nam huyện"),
    ("Ngô Thanh Bình", "Phó Trưởng phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch"),
    ("Đỗ Thị Lan", "Chuyên viên Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND huyện"),
)

# (official's name, role, attendance, represents)
REGULAR_ATTENDEES = (
    ("Nguyễn Văn Hòa", Attendee.Role.CHAIR, Attendee.Attendance.PRESENT, ""),
    ("Trần Thị Mai", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("Lê Quang Vinh", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("Hoàng Đức Thịnh", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("Ngô Thanh Bình", Attendee.Role.PRESENTER, Attendee.Attendance.PRESENT, "Bà Phạm Thu Hà, Trưởng phòng"),
    ("Đặng Văn Lộc", Attendee.Role.PRESENTER, Attendee.Attendance.PRESENT, ""),
    ("Vũ Thị Hạnh", Attendee.Role.MEMBER, Attendee.Attendance.EXCUSED, ""),
    ("Bùi Minh Tuấn", Attendee.Role.INVITED, Attendee.Attendance.PRESENT, ""),
    ("Đỗ Thị Lan", Attendee.Role.SECRETARY, Attendee.Attendance.PRESENT, ""),
)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _day_at(days, hour, minute=0):
    """A local date-time ``days`` from today at the given hour (negative days are in the past)."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _meetings():
    """The demo meetings, dated relative to today so that the site always has past and coming ones."""
    return [
        {
            "title": "Phiên họp thường kỳ UBND huyện tháng 10",
            "kind": Meeting.Kind.REGULAR,
            "starts_at": _day_at(-24, 8),
            "ends_at": _day_at(-24, 11, 30),
            "location": "Phòng họp số 1, trụ sở UBND huyện",
            "status": Meeting.Status.HELD,
            "summary": "Đánh giá tình hình kinh tế - xã hội tháng 10, tiến độ giải ngân vốn đầu tư công "
            "và chuẩn bị sản xuất vụ đông.",
            "conclusion": "<p>Chủ tịch UBND huyện ghi nhận các phòng, ban đã bám sát kế hoạch; thu ngân sách "
            "đạt khá, nhưng giải ngân vốn đầu tư công còn chậm.</p><ul><li>Phòng Tài chính - Kế hoạch rà "
            "soát từng công trình chậm giải ngân, báo cáo trước ngày 15 tháng sau.</li><li>Phòng Nông "
            "nghiệp và Môi trường kiểm tra hệ thống kênh mương trước mùa mưa.</li></ul>",
            "agenda": (
                ("1", "Báo cáo tình hình kinh tế - xã hội tháng 10 và nhiệm vụ tháng 11", "Hoàng Đức Thịnh"),
                ("2", "Báo cáo tiến độ thu ngân sách và giải ngân vốn đầu tư công", "Ngô Thanh Bình"),
                ("2.a", "Danh mục công trình chậm giải ngân và nguyên nhân", "Ngô Thanh Bình"),
                ("3", "Kế hoạch sản xuất vụ đông năm nay", "Đặng Văn Lộc"),
            ),
            "tasks": (
                ("Rà soát các công trình chậm giải ngân, đề xuất điều chuyển vốn", "Phòng Tài chính - Kế hoạch", 20),
                ("Kiểm tra, nạo vét kênh mương trước mùa mưa", "Phòng Nông nghiệp và Môi trường", -3),
            ),
            "article": "UBND huyện Sông Lam họp phiên thường kỳ tháng 10",
        },
        {
            "title": "Phiên họp thường kỳ UBND huyện tháng 11",
            "kind": Meeting.Kind.REGULAR,
            "starts_at": _day_at(2, 8),
            "ends_at": _day_at(2, 11, 30),
            "location": "Phòng họp số 1, trụ sở UBND huyện",
            "status": Meeting.Status.SCHEDULED,
            "summary": "Tình hình kinh tế - xã hội tháng 11; chuẩn bị kỳ họp cuối năm của HĐND huyện.",
            "conclusion": "",
            "agenda": (
                ("1", "Báo cáo tình hình kinh tế - xã hội tháng 11", "Hoàng Đức Thịnh"),
                ("2", "Dự thảo kế hoạch đầu tư công năm tới", "Ngô Thanh Bình"),
                ("3", "Chuẩn bị nội dung trình kỳ họp HĐND huyện cuối năm", "Trần Thị Mai"),
            ),
            "tasks": (),
            "article": None,
        },
        {
            "title": "Hội nghị triển khai phương án phòng, chống thiên tai mùa mưa bão",
            "kind": Meeting.Kind.CONFERENCE,
            "starts_at": _day_at(-40, 14),
            "ends_at": _day_at(-40, 17),
            "location": "Hội trường UBND huyện",
            "status": Meeting.Status.HELD,
            "summary": "Triển khai phương án ứng phó bão, lũ; phân công lực lượng xung kích tại các xã ven sông.",
            "conclusion": "<p>Các xã ven sông hoàn thành phương án sơ tán dân trước mùa mưa; Văn phòng bảo đảm "
            "trực ban 24/24 giờ khi có bão.</p>",
            "agenda": (
                ("1", "Tổng kết công tác phòng, chống thiên tai năm trước", "Đặng Văn Lộc"),
                ("2", "Phương án sơ tán dân vùng trũng thấp", "Lê Quang Vinh"),
                ("3", "Phân công lực lượng và phương tiện ứng cứu", "Hoàng Đức Thịnh"),
            ),
            "tasks": (
                ("Hoàn thành phương án sơ tán dân tại các xã ven sông", "UBND các xã ven sông", -10),
                ("Tổ chức diễn tập ứng phó bão tại xã Hòa Bình", "Phòng Nông nghiệp và Môi trường", 30),
            ),
            "article": "Tập huấn phòng, chống thiên tai cho lực lượng xung kích các xã",
        },
        {
            "title": "Phiên họp chuyên đề về giải ngân vốn đầu tư công",
            "kind": Meeting.Kind.THEMATIC,
            "starts_at": _day_at(-10, 14),
            "ends_at": _day_at(-10, 16, 30),
            "location": "Phòng họp số 2, trụ sở UBND huyện",
            "status": Meeting.Status.HELD,
            "summary": "Tháo gỡ vướng mắc về mặt bằng và thủ tục của các công trình chậm tiến độ.",
            "conclusion": "<p>Giao chủ đầu tư các công trình chậm tiến độ cam kết mốc hoàn thành; công trình "
            "không giải ngân được sẽ bị điều chuyển vốn.</p>",
            "agenda": (
                ("1", "Báo cáo tình hình giải ngân đến hết tháng 10", "Ngô Thanh Bình"),
                ("2", "Vướng mắc giải phóng mặt bằng đường liên xã", "Đặng Văn Lộc"),
                ("3", "Ý kiến của Ủy ban MTTQ huyện về giám sát cộng đồng", "Bùi Minh Tuấn"),
            ),
            "tasks": (("Báo cáo cam kết tiến độ của từng chủ đầu tư", "Phòng Tài chính - Kế hoạch", 5),),
            "article": None,
        },
    ]


@transaction.atomic
def seed_meetings():
    """Create the demo officials and meetings; meetings that already exist are left as they are."""
    officials = {}
    for order, (name, position, office) in enumerate(OFFICIALS, start=1):
        officials[name], _created = Official.objects.get_or_create(
            slug=slugify_vi(name), defaults={"name": name, "position": position, "office": office, "order": order}
        )
    created = []
    for spec in _meetings():
        meeting, is_new = Meeting.objects.get_or_create(
            slug=slugify_vi(spec["title"]),
            defaults={
                field: spec[field]
                for field in ("title", "kind", "starts_at", "ends_at", "location", "status", "summary", "conclusion")
            },
        )
        if is_new:
            _fill(meeting, spec, officials)
            created.append(meeting)
    return created


def _fill(meeting, spec, officials):
    attendees = {}
    for order, (name, role, attendance, represents) in enumerate(REGULAR_ATTENDEES, start=1):
        attendees[name] = Attendee.objects.create(
            meeting=meeting,
            official=officials[name],
            role=role,
            attendance=attendance,
            represents=represents,
            order=order,
        )
    for order, (number, title, presenter) in enumerate(spec["agenda"], start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            number=number,
            title=title,
            presenter=attendees[presenter],
            summary="Báo cáo đã gửi kèm giấy mời; các đại biểu thảo luận và góp ý trực tiếp tại phiên họp."
            if meeting.status == Meeting.Status.HELD
            else "",
            outcome="Thống nhất thông qua, giao cơ quan trình bày hoàn thiện."
            if meeting.status == Meeting.Status.HELD
            else "",
        )
    for order, (description, office, days) in enumerate(spec["tasks"], start=1):
        Task.objects.create(
            meeting=meeting,
            order=order,
            description=description,
            responsible_office=office,
            deadline=timezone.localdate() + timedelta(days=days),
        )
    Document.objects.create(
        meeting=meeting,
        kind=Document.Kind.INVITATION,
        title=f"Giấy mời dự {meeting.title[0].lower()}{meeting.title[1:]}",
        file=ContentFile(MINIMAL_PDF, name="giay-moi.pdf"),
        status=Document.Status.PUBLISHED,
        published_at=meeting.starts_at - timedelta(days=5),
    )
    if spec["article"]:
        meeting.articles.add(*Article.objects.filter(slug=slugify_vi(spec["article"])))
