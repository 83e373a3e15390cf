"""A portal that served one unit before units existed becomes that unit, keeping all it holds.

Runs before the apps give their content a unit (their migrations depend on this one), so that each
existing row is given this unit. The names come from the old site settings; the host names from
ALLOWED_HOSTS, the first plain name being the canonical one and every other name still serving, so
that the portal answers at the addresses it answered at before. A fresh database gets no unit: the
first ones come from ``import_units`` or ``seed_demo``.
"""

from django.conf import settings
from django.db import migrations

LEVELS = {"tinh": "tinh", "huyen": "huyen-cu", "xa": "xa", "phuong": "phuong", "thi-tran": "xa", "dac-khu": "dac-khu"}
HELD_CONTENT = [
    ("website", "SiteSettings"),
    ("website", "Page"),
    ("website", "MenuItem"),
    ("articles", "Category"),
    ("articles", "Article"),
    ("meetings", "Official"),
    ("meetings", "Meeting"),
]


def plain_hosts():
    """ALLOWED_HOSTS without wildcards and patterns, in their order; "localhost" when there are none."""
    hosts = [h.lower() for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")]
    return list(dict.fromkeys(hosts)) or ["localhost"]


def create_the_unit(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    UnitAlias = apps.get_model("units", "UnitAlias")
    if Unit.objects.exists() or not any(apps.get_model(*name).objects.exists() for name in HELD_CONTENT):
        return
    site = apps.get_model("website", "SiteSettings").objects.first()
    name = site.unit_name if site else "Ủy ban nhân dân"
    host, *others = plain_hosts()
    unit = Unit.objects.create(
        code="000",
        name=name,
        short_name=site.unit_short_name if site else name,
        level=LEVELS.get(site.unit_level, "xa") if site else "xa",
        host=host,
    )
    for other in others:
        UnitAlias.objects.create(unit=unit, host=other, redirect=False)


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0001_initial"),
        ("website", "0003_emblem_clean_image"),
        ("articles", "0005_protected_files_clean_images"),
        ("meetings", "0002_protected_files_clean_images"),
    ]

    operations = [migrations.RunPython(create_the_unit, migrations.RunPython.noop)]
