"""Moving the site shell from core to website keeps the portal's data: rows, links and permissions."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from units import hosts
from website.models import MaintenanceNotice, MenuItem, Page, SiteSettings

CORE_BEFORE_THE_MOVE = ("core", "0002_maintenancenotice_page_and_more")


def migrate_back():
    """The database as it was before the move, and before units (which came later); the models of that time.

    The models are those of exactly the migrations still applied: the newest of another app (articles
    with its unit) would bring back the website app it depends on.
    """
    executor = MigrationExecutor(connection)
    executor.migrate([CORE_BEFORE_THE_MOVE, ("website", None), ("units", None)])
    executor.loader.build_graph()
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_portal_migrated_from_before_the_move_keeps_its_site_shell():
    old = migrate_back()
    Category = old.get_model("articles", "Category")
    OldPage, OldMenuItem = old.get_model("core", "Page"), old.get_model("core", "MenuItem")
    OldSiteSettings, OldNotice = old.get_model("core", "SiteSettings"), old.get_model("core", "MaintenanceNotice")
    OldContentType, OldGroup = old.get_model("contenttypes", "ContentType"), old.get_model("auth", "Group")
    news = Category.objects.create(name="Tin huyện", slug="tin-huyen")
    OldSiteSettings.objects.create(pk=1, unit_name="Ủy ban nhân dân xã Hòa Bình", featured_category=news)
    about = OldPage.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Xã Hòa Bình</p>")
    OldMenuItem.objects.create(label="Giới thiệu", target="page", page=about, order=10)
    OldMenuItem.objects.create(label="Tin huyện", target="category", category=news, order=20)
    OldNotice.objects.create(starts_at="2026-12-05T22:00Z", ends_at="2026-12-06T02:00Z", message="Nâng cấp máy chủ")
    page_type, _ = OldContentType.objects.get_or_create(app_label="core", model="page")
    OldPermission = old.get_model("auth", "Permission")
    change_page, _ = OldPermission.objects.get_or_create(
        content_type=page_type, codename="change_page", defaults={"name": "Can change trang tĩnh"}
    )
    OldGroup.objects.create(name="Biên tập trang tĩnh").permissions.add(change_page)

    migrate_forward()
    ContentType.objects.clear_cache()
    hosts.forget()

    site = SiteSettings.objects.get()
    assert site.unit.name == "Ủy ban nhân dân xã Hòa Bình"
    assert site.featured_category.slug == "tin-huyen"
    assert [(item.label, item.get_absolute_url()) for item in MenuItem.objects.all()] == [
        ("Giới thiệu", "/trang/gioi-thieu/"),
        ("Tin huyện", "/chuyen-muc/tin-huyen/"),
    ]
    assert Page.objects.get().body == "<p>Xã Hòa Bình</p>"
    assert MaintenanceNotice.objects.get().message == "Nâng cấp máy chủ"
    assert ContentType.objects.get_for_model(Page).pk == page_type.pk
    assert Group.objects.get(name="Biên tập trang tĩnh").permissions.get().natural_key() == (
        "change_page",
        "website",
        "page",
    )
