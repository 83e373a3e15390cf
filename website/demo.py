"""The demo province of Sông Lam: its units, and each unit's site settings, pages and menu, written by the team.

A fictional province with three communes and wards, and the archive of a former district abolished on
1 July 2025. In development each unit answers at ``<host>:8000`` (browsers and curl send ``*.localhost``
to the loopback address); the province also at ``127.0.0.1`` and ``localhost``.
"""

from dataclasses import dataclass, field

from articles.models import Category
from units.models import Unit, UnitAlias
from website.models import MenuItem, Page, SiteSettings

FEATURED_CATEGORY_SLUG = "hoat-dong-cua-ubnd"
PROVINCE_ALIASES = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class DemoUnit:
    """One demo unit: its ``Unit`` fields, a key the other seeders' content is filed under, its footer lines."""

    key: str
    code: str
    name: str
    short_name: str
    level: str
    host: str
    parent_code: str | None = None
    archived: bool = False
    intro: str = ""
    site: dict = field(default_factory=dict)


def _site(agency, chief, office, address, phone, email):
    return {
        "portal_name": "Cổng thông tin điện tử",
        "governing_agency": agency,
        "editor_in_chief": chief,
        "standing_office": office,
        "address": address,
        "phone": phone,
        "email": email,
    }


PROVINCE = DemoUnit(
    key="songlam",
    code="99",
    name="Ủy ban nhân dân tỉnh Sông Lam",
    short_name="Tỉnh Sông Lam",
    level=Unit.Level.PROVINCE,
    host="songlam.localhost",
    intro="Tỉnh Sông Lam nằm ở hạ lưu sông Lam, có 86 xã, phường và một đặc khu, diện tích tự nhiên khoảng "
    "4.800 km², dân số gần 1,9 triệu người. Từ ngày 01/7/2025 tỉnh tổ chức chính quyền địa phương hai cấp.",
    site={
        **_site(
            "Ủy ban nhân dân tỉnh Sông Lam",
            "Bà Lương Thị Hồng Nhung, Phó Chánh Văn phòng UBND tỉnh",
            "Trung tâm Truyền thông tỉnh Sông Lam",
            "Số 9 đại lộ Lê Lợi, phường Cửa Lam, tỉnh Sông Lam",
            "0238 3 700 200",
            "congthongtin@songlam.example.gov.vn",
        ),
        "licence": "Giấy phép số 08/GP-TTĐT ngày 03/03/2026 của Bộ Khoa học và Công nghệ",
    },
)
COMMUNES = (
    DemoUnit(
        key="hoabinh",
        code="99001",
        name="Ủy ban nhân dân xã Hòa Bình",
        short_name="Xã Hòa Bình",
        level=Unit.Level.COMMUNE,
        host="hoabinh.songlam.localhost",
        parent_code="99",
        intro="Xã Hòa Bình được thành lập ngày 01/7/2025 trên cơ sở ba xã cũ ven sông, có 14 thôn, nổi tiếng "
        "với cam đường và nghề đan lát.",
        site=_site(
            "Ủy ban nhân dân xã Hòa Bình",
            "Ông Trịnh Văn Nam, Chánh Văn phòng HĐND và UBND xã",
            "Văn phòng HĐND và UBND xã Hòa Bình",
            "Thôn Trung Hòa, xã Hòa Bình, tỉnh Sông Lam",
            "0238 3 711 001",
            "ubnd@hoabinh.songlam.example.gov.vn",
        ),
    ),
    DemoUnit(
        key="thanhxuan",
        code="99004",
        name="Ủy ban nhân dân xã Thanh Xuân",
        short_name="Xã Thanh Xuân",
        level=Unit.Level.COMMUNE,
        host="thanhxuan.songlam.localhost",
        parent_code="99",
        intro="Xã Thanh Xuân nằm bên bờ nam sông Lam, có 9 thôn, bến Đình và hội đua thuyền truyền thống mỗi mùa thu.",
        site=_site(
            "Ủy ban nhân dân xã Thanh Xuân",
            "Bà Hồ Thị Thu, Phó Chủ tịch UBND xã",
            "Văn phòng HĐND và UBND xã Thanh Xuân",
            "Thôn Bến Đình, xã Thanh Xuân, tỉnh Sông Lam",
            "0238 3 711 004",
            "ubnd@thanhxuan.songlam.example.gov.vn",
        ),
    ),
    DemoUnit(
        key="cualam",
        code="99007",
        name="Ủy ban nhân dân phường Cửa Lam",
        short_name="Phường Cửa Lam",
        level=Unit.Level.WARD,
        host="cualam.songlam.localhost",
        parent_code="99",
        intro="Phường Cửa Lam là trung tâm hành chính của tỉnh, nằm nơi sông Lam đổ ra biển, có 21 tổ dân phố "
        "và bãi biển dài 6 km.",
        site=_site(
            "Ủy ban nhân dân phường Cửa Lam",
            "Ông Phan Đình Khôi, Chánh Văn phòng HĐND và UBND phường",
            "Văn phòng HĐND và UBND phường Cửa Lam",
            "Số 2 đường Bình Minh, phường Cửa Lam, tỉnh Sông Lam",
            "0238 3 711 007",
            "ubnd@cualam.songlam.example.gov.vn",
        ),
    ),
)
FORMER_DISTRICT = DemoUnit(
    key="huyensonglam",
    code="990",
    name="Ủy ban nhân dân huyện Sông Lam (cũ)",
    short_name="Huyện Sông Lam (cũ)",
    level=Unit.Level.FORMER_DISTRICT,
    host="huyensonglam.songlam.localhost",
    parent_code="99",
    archived=True,
    intro="Trang lưu trữ cổng thông tin của huyện Sông Lam, đã kết thúc hoạt động từ ngày 01/7/2025 khi tổ "
    "chức chính quyền địa phương hai cấp. Tin bài được giữ nguyên ngày đăng, tác giả và số lượt xem.",
    site=_site(
        "Ủy ban nhân dân huyện Sông Lam (đã kết thúc hoạt động)",
        "",
        "Lưu trữ do Trung tâm Truyền thông tỉnh Sông Lam quản lý",
        "Số 9 đại lộ Lê Lợi, phường Cửa Lam, tỉnh Sông Lam",
        "0238 3 700 200",
        "congthongtin@songlam.example.gov.vn",
    ),
)
DEMO_UNITS = (PROVINCE, *COMMUNES, FORMER_DISTRICT)


def seed_units():
    """The demo units, once, parents first; the province also answers at 127.0.0.1 and localhost.

    An alias already serving another unit is left to it: seeding never moves a host away from a unit.
    """
    units = {}
    for spec in DEMO_UNITS:
        units[spec.key], _created = Unit.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "short_name": spec.short_name,
                "level": spec.level,
                "host": spec.host,
                "archived": spec.archived,
                "parent": Unit.objects.get(code=spec.parent_code) if spec.parent_code else None,
            },
        )
    province = units[PROVINCE.key]
    for host in PROVINCE_ALIASES:
        if not Unit.objects.filter(host=host).exists():
            UnitAlias.objects.get_or_create(host=host, defaults={"unit": province, "redirect": False})
    return units


def seed_site_settings(unit, spec):
    """Fill the unit's site settings with the demo's, the first time only.

    Runs after the unit's articles, so that the home page can feature the unit's own news.
    """
    site, created = SiteSettings.objects.get_or_create(unit=unit)
    if created or not site.governing_agency:
        for name, value in spec.site.items():
            setattr(site, name, value)
        site.featured_category = Category.objects.of(unit).filter(slug=FEATURED_CATEGORY_SLUG).first()
        site.save()


def demo_pages(spec):
    """The simple pages every portal has, in the unit's words: introduction, contact, accessibility."""
    site = spec.site
    contact = (
        f"{site['standing_office']}<br>{site['address']}<br>Điện thoại: {site['phone']}<br>Email: {site['email']}"
    )
    return {
        "gioi-thieu": (
            "Giới thiệu",
            f"<p>{spec.intro}</p><h2>Cơ quan quản lý</h2><p>{site['governing_agency']}.</p>",
        ),
        "lien-he": (
            "Liên hệ",
            f"<p>{contact}</p><p>Giờ làm việc: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, "
            "thứ Hai đến thứ Sáu.</p>",
        ),
        "kha-nang-tiep-can": (
            "Tuyên bố về khả năng tiếp cận",
            "<p>Cổng thông tin được xây dựng theo tiêu chuẩn WCAG 2.1 mức AA: có liên kết bỏ qua đến nội dung "
            "chính, dùng được hoàn toàn bằng bàn phím, mọi hình ảnh có mô tả thay thế, độ tương phản màu đạt "
            "chuẩn, và nút A-, A, A+ ở đầu trang để thay đổi cỡ chữ.</p>"
            f"<p>Nếu bạn gặp khó khăn khi sử dụng cổng, xin báo cho chúng tôi qua số điện thoại {site['phone']} "
            f"hoặc email {site['email']}; chúng tôi trả lời trong 5 ngày làm việc.</p>",
        ),
    }


def seed_pages(unit, spec):
    """The unit's simple pages, once each."""
    for slug, (title, body) in demo_pages(spec).items():
        Page.objects.get_or_create(unit=unit, slug=slug, defaults={"title": title, "body": body})


def seed_menu(unit):
    """The unit's main menu, once: home, its menu categories, announcements, documents, meetings, introduction."""
    if MenuItem.objects.of(unit).exists():
        return
    Target = MenuItem.Target
    entries = [MenuItem(label="Trang chủ", target=Target.HOME)]
    entries += [
        MenuItem(label=c.name, target=Target.CATEGORY, category=c) for c in Category.objects.of(unit).in_menu()
    ]
    entries += [
        MenuItem(label="Thông báo", target=Target.ANNOUNCEMENTS),
        MenuItem(label="Văn bản", target=Target.DOCUMENTS),
        MenuItem(label="Lịch họp", target=Target.MEETINGS),
        MenuItem(label="Lịch công tác", target=Target.SCHEDULE),
        MenuItem(label="Giới thiệu", target=Target.PAGE, page=Page.objects.get(unit=unit, slug="gioi-thieu")),
    ]
    for order, entry in enumerate(entries, start=1):
        entry.unit = unit
        entry.order = order * 10
    MenuItem.objects.bulk_create(entries)
