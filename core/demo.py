"""Demo site settings: a fictional district, Sông Lam, written by the team."""

from core.models import SiteSettings

DEMO_SITE = {
    "portal_name": "Cổng thông tin điện tử",
    "unit_name": "Ủy ban nhân dân huyện Sông Lam",
    "unit_short_name": "UBND huyện Sông Lam",
    "unit_level": SiteSettings.UnitLevel.DISTRICT,
    "governing_agency": "Ủy ban nhân dân huyện Sông Lam",
    "editor_in_chief": "Ông Hoàng Đức Thịnh, Chánh Văn phòng HĐND và UBND huyện",
    "standing_office": "Văn phòng HĐND và UBND huyện Sông Lam",
    "address": "Số 1 đường Trần Phú, thị trấn Sông Lam, huyện Sông Lam",
    "phone": "0238 3 800 100",
    "email": "vanphong@songlam.example.gov.vn",
    "licence": "Giấy phép số 15/GP-TTĐT ngày 12/04/2024 của Sở Thông tin và Truyền thông",
}


def seed_site_settings():
    """Fill the site settings with the demo district, only where they are still at defaults."""
    site = SiteSettings.get_solo()
    if site.unit_name == SiteSettings._meta.get_field("unit_name").default:
        for field, value in DEMO_SITE.items():
            setattr(site, field, value)
        site.save()
