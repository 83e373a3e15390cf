"""Demo meetings of the fictional province of Sông Lam and its communes, written by the team. Idempotent."""

import random
from datetime import time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from articles.demo_calendar import at, working_day
from articles.models import Article
from core.text import slugify_vi
from documents import services as documents
from documents.models import Document, DocumentType
from meetings.models import AgendaItem, Attendee, Meeting, MeetingDocument, Official, Task

# Each unit's roster: key → (name, position, office). The keys let one set of meetings serve every unit.
ROSTER_KEYS = ("chair", "vice", "vice2", "office", "finance", "farming", "schools", "front", "finance2", "clerk")


def roster(names, *, level, place, offices):
    """A unit's officials from ten names: chair, two vice-chairs, the office, heads of finance, farming,
    schools, the Fatherland Front, a deputy of finance and the clerk (``level`` is "tỉnh", "xã", "phường")."""
    ubnd = f"UBND {level}"
    positions = (
        (f"Chủ tịch {ubnd}", ubnd),
        (f"Phó Chủ tịch {ubnd}", ubnd),
        (f"Phó Chủ tịch {ubnd}", ubnd),
        (f"Chánh {offices['office']}" if level == "tỉnh" else f"Trưởng {offices['office']}", offices["office"]),
        (f"Giám đốc {offices['finance']}" if level == "tỉnh" else f"Trưởng {offices['finance']}", offices["finance"]),
        (f"Giám đốc {offices['farming']}" if level == "tỉnh" else f"Trưởng {offices['farming']}", offices["farming"]),
        (f"Giám đốc {offices['schools']}" if level == "tỉnh" else f"Trưởng {offices['schools']}", offices["schools"]),
        (f"Chủ tịch Ủy ban MTTQ Việt Nam {level} {place}", f"Ủy ban MTTQ Việt Nam {level}"),
        (f"Phó {offices['finance']}", offices["finance"]),
        (f"Chuyên viên {offices['office']}", offices["office"]),
    )
    return {
        "level": level,
        "place": place,
        "offices": offices,
        "officials": {
            key: (name, *positions[i]) for i, (key, name) in enumerate(zip(ROSTER_KEYS, names, strict=True))
        },
    }


PROVINCE_OFFICES = {
    "office": "Văn phòng UBND tỉnh",
    "finance": "Sở Tài chính",
    "farming": "Sở Nông nghiệp và Môi trường",
    "schools": "Sở Giáo dục và Đào tạo",
}
COMMUNE_OFFICES = {
    "office": "Văn phòng HĐND và UBND",
    "finance": "Phòng Kinh tế",
    "farming": "Phòng Kinh tế, Hạ tầng và Đô thị",
    "schools": "Phòng Văn hóa - Xã hội",
}

# (roster key, role, attendance, represents)
REGULAR_ATTENDEES = (
    ("chair", Attendee.Role.CHAIR, Attendee.Attendance.PRESENT, ""),
    ("vice", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("vice2", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("office", Attendee.Role.MEMBER, Attendee.Attendance.PRESENT, ""),
    ("finance2", Attendee.Role.PRESENTER, Attendee.Attendance.PRESENT, "Thủ trưởng cơ quan tài chính"),
    ("farming", Attendee.Role.PRESENTER, Attendee.Attendance.PRESENT, ""),
    ("schools", Attendee.Role.MEMBER, Attendee.Attendance.EXCUSED, ""),
    ("front", Attendee.Role.INVITED, Attendee.Attendance.PRESENT, ""),
    ("clerk", Attendee.Role.SECRETARY, Attendee.Attendance.PRESENT, ""),
)


def _minimal_pdf(text):
    """A one-page PDF that says ``text`` (ASCII) in a standard font: a text layer, so no "scanned" warning."""
    stream = b"BT /F1 14 Tf 60 780 Td (%s) Tj ET" % text.encode("ascii")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj%s endobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


MINIMAL_PDF = _minimal_pdf("Giay moi hop")


def _meetings(staff, rng):
    """The demo meetings of a unit, dated relative to today so that the site always has past and coming ones.

    Each falls on a working day; ``rng`` (seeded by the unit) picks the hour, so units do not all meet at
    the same minute. Held meetings have each agenda item's summary and outcome; the coming one has the
    summaries of the reports sent with the invitation, and no outcome yet.
    """
    ubnd, level, place, offices = f"UBND {staff['level']}", staff["level"], staff["place"], staff["offices"]
    last_month = working_day(-24)
    coming = working_day(2)
    drill = working_day(-40)
    morning = rng.choice((time(7, 30), time(8, 0), time(8, 30)))
    afternoon = rng.choice((time(13, 30), time(14, 0)))
    return [
        {
            "title": f"Phiên họp thường kỳ {ubnd} tháng trước",
            "kind": Meeting.Kind.REGULAR,
            "starts_at": at(last_month, morning),
            "ends_at": at(last_month, morning) + timedelta(hours=3, minutes=30),
            "location": f"Phòng họp số 1, trụ sở {ubnd} {place}",
            "status": Meeting.Status.HELD,
            "summary": "Đánh giá tình hình kinh tế - xã hội trong tháng, tiến độ thu ngân sách và việc chuẩn bị "
            "mùa mưa bão.",
            "conclusion": f"<p>Chủ tịch {ubnd} ghi nhận các cơ quan đã bám sát kế hoạch; thu ngân sách đạt khá, "
            f"giải ngân vốn đầu tư còn chậm.</p><ul><li>{offices['finance']} rà soát từng công trình chậm giải "
            f"ngân, báo cáo trước ngày 15.</li><li>{offices['farming']} kiểm tra kênh mương, đê điều trước mùa "
            "mưa.</li></ul>",
            "agenda": (
                (
                    "1",
                    "Báo cáo tình hình kinh tế - xã hội trong tháng và nhiệm vụ tháng tới",
                    "office",
                    "Sản xuất nông nghiệp ổn định, thương mại, dịch vụ tăng so với cùng kỳ; an ninh trật tự được "
                    "giữ vững. Còn tồn tại: một số hồ sơ đất đai giải quyết trễ hạn, vệ sinh môi trường ở khu dân "
                    "cư chưa đều.",
                    "Thống nhất đánh giá trong báo cáo. Bổ sung số liệu hồ sơ trễ hạn theo từng lĩnh vực trước khi "
                    "gửi báo cáo lên cấp trên.",
                ),
                (
                    "2",
                    "Báo cáo tiến độ thu ngân sách và giải ngân vốn đầu tư công",
                    "finance2",
                    "Thu ngân sách đạt 82% dự toán năm, chủ yếu từ thuế sử dụng đất và phí, lệ phí; giải ngân vốn "
                    "đầu tư công mới đạt 58% kế hoạch vốn được giao.",
                    f"Giao {offices['finance']} đôn đốc các chủ đầu tư, lập kế hoạch giải ngân theo tuần; công "
                    "trình nào không giải ngân được thì đề xuất điều chuyển vốn.",
                ),
                (
                    "2.a",
                    "Danh mục công trình chậm giải ngân và nguyên nhân",
                    "finance2",
                    "Bốn công trình chậm giải ngân: hai công trình vướng mặt bằng, một công trình chưa xong thủ "
                    "tục điều chỉnh thiết kế, một công trình nhà thầu thiếu nhân lực.",
                    "Chủ đầu tư làm việc với nhà thầu thiếu nhân lực trong tuần này; hai công trình vướng mặt bằng "
                    "do Phó Chủ tịch phụ trách trực tiếp đối thoại với các hộ dân.",
                ),
                (
                    "3",
                    "Kế hoạch sản xuất vụ đông",
                    "farming",
                    "Dự kiến gieo trồng ngô, khoai lang và rau màu trên diện tích sau thu hoạch lúa mùa; giống và "
                    "phân bón được hỗ trợ một phần cho các hộ tham gia vùng sản xuất tập trung.",
                    "Thông qua kế hoạch. Ưu tiên cây chịu lạnh ở vùng trũng; ban hành lịch thời vụ trước ngày "
                    "cuối tháng để bà con chủ động làm đất.",
                ),
            ),
            "tasks": (
                ("Rà soát các công trình chậm giải ngân, đề xuất điều chuyển vốn", offices["finance"], 20),
                ("Kiểm tra, nạo vét kênh mương trước mùa mưa", offices["farming"], -3),
                ("Bổ sung số liệu hồ sơ đất đai trễ hạn theo từng lĩnh vực vào báo cáo tháng", offices["office"], 5),
            ),
        },
        {
            "title": f"Phiên họp thường kỳ {ubnd} tháng này",
            "kind": Meeting.Kind.REGULAR,
            "starts_at": at(coming, morning),
            "ends_at": at(coming, morning) + timedelta(hours=3, minutes=30),
            "location": f"Phòng họp số 1, trụ sở {ubnd} {place}",
            "status": Meeting.Status.SCHEDULED,
            "summary": f"Tình hình kinh tế - xã hội trong tháng; chuẩn bị kỳ họp cuối năm của HĐND {level}.",
            "conclusion": "",
            "agenda": (
                (
                    "1",
                    "Báo cáo tình hình kinh tế - xã hội trong tháng",
                    "office",
                    "Dự thảo báo cáo nêu kết quả thu hoạch lúa mùa, tiến độ các công trình và số hồ sơ thủ tục "
                    "hành chính đã giải quyết trong tháng.",
                    "",
                ),
                (
                    "2",
                    "Dự thảo kế hoạch đầu tư công năm tới",
                    "finance2",
                    "Dự thảo ưu tiên vốn cho trường học, trạm y tế và đường giao thông nông thôn; danh mục công "
                    "trình mới kèm theo dự thảo.",
                    "",
                ),
                (
                    "3",
                    f"Chuẩn bị nội dung trình kỳ họp HĐND {level} cuối năm",
                    "vice",
                    f"Danh sách tờ trình, báo cáo {ubnd} trình kỳ họp và thời hạn gửi dự thảo cho các ban của "
                    "HĐND thẩm tra.",
                    "",
                ),
            ),
            "tasks": (),
        },
        {
            "title": "Hội nghị triển khai phương án phòng, chống thiên tai mùa mưa bão",
            "kind": Meeting.Kind.CONFERENCE,
            "starts_at": at(drill, afternoon),
            "ends_at": at(drill, afternoon) + timedelta(hours=2, minutes=30),
            "location": f"Hội trường {ubnd} {place}",
            "status": Meeting.Status.HELD,
            "summary": "Triển khai phương án ứng phó bão, lũ; phân công lực lượng xung kích ở các vùng trũng thấp.",
            "conclusion": f"<p>Hoàn thành phương án sơ tán dân trước mùa mưa; {offices['office']} bảo đảm trực "
            "ban 24/24 giờ khi có bão.</p>",
            "agenda": (
                (
                    "1",
                    "Tổng kết công tác phòng, chống thiên tai năm trước",
                    "farming",
                    "Năm trước có hai đợt mưa lớn gây ngập cục bộ, không có thiệt hại về người; một số đoạn kênh "
                    "bị sạt lở đã được khắc phục tạm thời bằng bao tải cát.",
                    "Ghi nhận kết quả; các đoạn kênh sạt lở phải được gia cố kiên cố trước mùa mưa năm nay.",
                ),
                (
                    "2",
                    "Phương án sơ tán dân vùng trũng thấp",
                    "vice2",
                    "Dự kiến sơ tán khoảng 120 hộ ở vùng trũng thấp về trường học và nhà văn hóa; mỗi hộ được phân "
                    "công người hỗ trợ và phương tiện di chuyển.",
                    "Thống nhất phương án. Trưởng thôn, tổ trưởng tổ dân phố rà soát lại danh sách hộ có người già, "
                    "trẻ nhỏ, người khuyết tật để ưu tiên sơ tán trước.",
                ),
                (
                    "3",
                    "Phân công lực lượng và phương tiện ứng cứu",
                    "office",
                    "Lực lượng xung kích gồm dân quân, đoàn viên thanh niên và công an; phương tiện có hai xuồng "
                    "máy, áo phao, loa cầm tay và máy phát điện.",
                    "Giao chỉ huy lực lượng xung kích kiểm tra phương tiện hằng tháng; bổ sung 50 áo phao trước "
                    "ngày diễn tập.",
                ),
            ),
            "tasks": (
                ("Hoàn thành phương án sơ tán dân vùng trũng thấp", offices["farming"], -10),
                ("Tổ chức diễn tập ứng phó bão", offices["office"], 30),
            ),
        },
    ]


@transaction.atomic
def seed_meetings(unit, staff, *, article=None):
    """Create ``unit``'s officials (from ``roster(...)``) and meetings; meetings that exist are left as they are.

    ``article`` (a slug of the unit's) is linked to the first meeting, as a press officer links the report.
    """
    officials = {}
    for order, (key, (name, position, office)) in enumerate(staff["officials"].items(), start=1):
        officials[key], _created = Official.objects.get_or_create(
            unit=unit,
            slug=slugify_vi(name),
            defaults={"name": name, "position": position, "office": office, "order": order},
        )
    created = []
    for index, spec in enumerate(_meetings(staff, random.Random(f"{unit.code}-meetings"))):
        meeting, is_new = Meeting.objects.get_or_create(
            unit=unit,
            slug=slugify_vi(spec["title"]),
            defaults={
                field: spec[field]
                for field in ("title", "kind", "starts_at", "ends_at", "location", "status", "summary", "conclusion")
            },
        )
        if is_new:
            _fill(meeting, spec, officials, article=article if index == 0 else None)
            created.append(meeting)
    return created


def _fill(meeting, spec, officials, *, article):
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
    for order, (number, title, presenter, summary, outcome) in enumerate(spec["agenda"], start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            number=number,
            title=title,
            presenter=attendees[presenter],
            summary=summary,
            outcome=outcome,
        )
    for order, (description, office, days) in enumerate(spec["tasks"], start=1):
        Task.objects.create(
            meeting=meeting,
            order=order,
            description=description,
            responsible_office=office,
            deadline=working_day(days),
        )
    invitation = Document.objects.create(
        unit=meeting.unit,
        doc_type=DocumentType.objects.get_or_create(name="Giấy mời", defaults={"slug": "giay-moi", "order": 100})[0],
        issuer=meeting.body or meeting.unit.name,
        summary=f"Giấy mời dự {meeting.title[0].lower()}{meeting.title[1:]}",
        issued_on=working_day(-5, start=timezone.localdate(meeting.starts_at)),
    )
    documents.add_file(document=invitation, upload=ContentFile(MINIMAL_PDF, name="giay-moi.pdf"))
    MeetingDocument.objects.create(meeting=meeting, document=invitation, kind=MeetingDocument.Kind.INVITATION)
    if article:
        meeting.articles.add(*Article.objects.of(meeting.unit).filter(slug=article))
