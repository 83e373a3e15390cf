"""A little profile for the demo units, in our own words; seeding twice changes nothing."""

from meetings.models import Official
from unitprofile.models import Office, ProfileSection

HISTORY = (
    "<p>Vùng đất ven sông này được khai phá từ nhiều thế kỷ trước; tên gọi hiện nay có từ khi sắp xếp "
    "đơn vị hành chính năm 2025.</p>"
)
NATURE = "<p>Địa hình đồng bằng xen đồi thấp, khí hậu nhiệt đới gió mùa, mùa mưa từ tháng 8 đến tháng 11.</p>"


def seed_profile(unit):
    """Two offices headed by the unit's first officials, the leaders marked, two sections."""
    officials = list(Official.objects.of(unit).order_by("order", "pk")[:2])
    Official.objects.filter(pk__in=[o.pk for o in officials], duties="").update(
        is_leader=True,
        duties="<p>Lãnh đạo, điều hành chung hoạt động của Ủy ban nhân dân.</p>",
        duties_en="<p>Leads and directs the work of the People's Committee.</p>",
        biography="<p>Tốt nghiệp đại học, nhiều năm công tác tại địa phương.</p>",
    )
    if not Office.objects.of(unit).exists():
        head = officials[0] if officials else None
        Office.objects.create(
            unit=unit,
            name="Văn phòng HĐND và UBND",
            name_en="Office of the People's Council and People's Committee",
            functions="<p>Tham mưu tổng hợp, tiếp nhận và trả kết quả thủ tục hành chính.</p>",
            functions_en="<p>General advice; receives applications and returns results.</p>",
            head=head,
            order=10,
        )
        Office.objects.create(
            unit=unit,
            name="Phòng Kinh tế",
            name_en="Economic Division",
            functions="<p>Tham mưu về nông nghiệp, công thương, xây dựng, giao thông.</p>",
            functions_en="<p>Advises on farming, trade, construction and transport.</p>",
            order=20,
        )
    for kind, body in ((ProfileSection.Kind.HISTORY, HISTORY), (ProfileSection.Kind.NATURE, NATURE)):
        ProfileSection.objects.get_or_create(unit=unit, kind=kind, defaults={"body": body})
