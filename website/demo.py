"""Demo site settings, pages and menu: a fictional district, Sông Lam, written by the team."""

from articles.models import Category
from units.models import Unit, UnitAlias
from website.models import MenuItem, Page, SiteSettings

FEATURED_CATEGORY_SLUG = "hoat-dong-cua-ubnd"

DEMO_SITE = {
    "portal_name": "Cổng thông tin điện tử",
    "governing_agency": "Ủy ban nhân dân huyện Sông Lam",
    "editor_in_chief": "Ông Hoàng Đức Thịnh, Chánh Văn phòng HĐND và UBND huyện",
    "standing_office": "Văn phòng HĐND và UBND huyện Sông Lam",
    "address": "Số 1 đường Trần Phú, thị trấn Sông Lam, huyện Sông Lam",
    "phone": "0238 3 800 100",
    "email": "vanphong@songlam.example.gov.vn",
    "licence": "Giấy phép số 15/GP-TTĐT ngày 12/04/2024 của Sở Thông tin và Truyền thông",
}

DEMO_PAGES = {
    "gioi-thieu": (
        "Giới thiệu",
        "<p>Huyện Sông Lam là huyện đồng bằng ven sông, gồm 18 xã và 1 thị trấn, diện tích tự nhiên "
        "khoảng 160 km², dân số hơn 120 nghìn người. Nông nghiệp, tiểu thủ công nghiệp và dịch vụ "
        "là ba trụ cột kinh tế của huyện.</p>"
        "<h2>Chức năng, nhiệm vụ</h2><p>Ủy ban nhân dân huyện là cơ quan hành chính nhà nước ở địa "
        "phương, tổ chức thi hành Hiến pháp, pháp luật và nghị quyết của Hội đồng nhân dân huyện.</p>",
    ),
    "lien-he": (
        "Liên hệ",
        "<p>Văn phòng HĐND và UBND huyện Sông Lam<br>Số 1 đường Trần Phú, thị trấn Sông Lam<br>"
        "Điện thoại: 0238 3 800 100<br>Email: vanphong@songlam.example.gov.vn</p>"
        "<p>Giờ tiếp công dân: sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ 30.</p>",
    ),
    "kha-nang-tiep-can": (
        "Tuyên bố về khả năng tiếp cận",
        "<p>Cổng thông tin được xây dựng theo tiêu chuẩn WCAG 2.1 mức AA: có liên kết bỏ qua đến nội "
        "dung chính, dùng được hoàn toàn bằng bàn phím, mọi hình ảnh có mô tả thay thế, độ tương phản "
        "màu đạt chuẩn, và nút A-, A, A+ ở đầu trang để thay đổi cỡ chữ.</p>"
        "<p>Nếu bạn gặp khó khăn khi sử dụng cổng, xin báo cho Văn phòng qua số điện thoại "
        "0238 3 800 100 hoặc email vanphong@songlam.example.gov.vn; chúng tôi trả lời trong 5 ngày làm việc.</p>",
    ),
}


def seed_unit():
    """The demo's unit, once: served at localhost and 127.0.0.1."""
    unit, _created = Unit.objects.get_or_create(
        code="DEMO",
        defaults={
            "name": "Ủy ban nhân dân huyện Sông Lam",
            "short_name": "UBND huyện Sông Lam",
            "level": Unit.Level.FORMER_DISTRICT,
            "host": "localhost",
        },
    )
    UnitAlias.objects.get_or_create(host="127.0.0.1", defaults={"unit": unit, "redirect": False})
    return unit


def seed_site_settings(unit):
    """Fill the unit's site settings with the demo district's, the first time only.

    Runs after the demo articles, so that the home page can feature the district's own news.
    """
    site, created = SiteSettings.objects.get_or_create(unit=unit)
    if created or not site.editor_in_chief:
        for field, value in DEMO_SITE.items():
            setattr(site, field, value)
        site.featured_category = Category.objects.of(unit).filter(slug=FEATURED_CATEGORY_SLUG).first()
        site.save()


def seed_pages():
    """The simple pages every portal has: introduction, contact, accessibility statement."""
    for slug, (title, body) in DEMO_PAGES.items():
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})


def seed_menu(categories):
    """The main menu, once: home, the menu categories, announcements, meetings, introduction."""
    if MenuItem.objects.exists():
        return
    Target = MenuItem.Target
    entries = [MenuItem(label="Trang chủ", target=Target.HOME)]
    entries += [MenuItem(label=c.name, target=Target.CATEGORY, category=c) for c in categories]
    entries += [
        MenuItem(label="Thông báo", target=Target.ANNOUNCEMENTS),
        MenuItem(label="Lịch họp", target=Target.MEETINGS),
        MenuItem(label="Lịch công tác", target=Target.SCHEDULE),
        MenuItem(label="Giới thiệu", target=Target.PAGE, page=Page.objects.get(slug="gioi-thieu")),
    ]
    for order, entry in enumerate(entries, start=1):
        entry.order = order * 10
    MenuItem.objects.bulk_create(entries)
