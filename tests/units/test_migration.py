"""A portal that served one unit before units existed migrates into one unit that keeps everything it had."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import Membership
from accounts.roles import EDITOR_IN_CHIEF, PRESS_OFFICER
from articles.models import Article, Category
from meetings.models import Attendee, Meeting, Official
from units import hosts
from units.models import Unit, UnitAlias
from website.models import MaintenanceNotice, MenuItem, Page, SiteSettings

BEFORE_UNITS = ("units", None)
HELD = (SiteSettings, Page, MenuItem, MaintenanceNotice, Category, Article, Official, Meeting)


def migrate_back():
    """The database before units existed, and the models of exactly the migrations still applied."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_UNITS])
    executor.loader.build_graph()
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    hosts.forget()


def fill_a_single_unit_portal(old):
    """What a district's portal held on the day before the upgrade, written with the models of that day."""
    Category = old.get_model("articles", "Category")
    Article = old.get_model("articles", "Article")
    news = Category.objects.create(name="Tin tức", slug="tin-tuc-su-kien", order=1)
    old.get_model("website", "SiteSettings").objects.create(
        pk=1,
        unit_name="Ủy ban nhân dân huyện Kim Sơn",
        unit_short_name="UBND huyện Kim Sơn",
        unit_level="huyen",
        governing_agency="Ủy ban nhân dân huyện Kim Sơn",
        editor_in_chief="Ông Trần Văn Kiên",
        address="Số 5 đường Lê Lợi, thị trấn Kim Sơn",
        featured_category=news,
    )
    published = timezone.now() - timezone.timedelta(days=400)
    article = Article.objects.create(
        title="Huyện Kim Sơn khánh thành cầu Đá",
        slug="huyen-kim-son-khanh-thanh-cau-da",
        category=news,
        lead="Cầu Đá nối hai xã bên sông.",
        body="<p>Cầu dài 120 m.</p>",
        search_title="huyen kim son khanh thanh cau da",
        search_text="huyen kim son khanh thanh cau da cau da noi hai xa ben song",
        status="published",
        published_at=published,
        author="Minh Hằng",
        view_count=1234,
        external_id="KS-77",
    )
    Page = old.get_model("website", "Page")
    about = Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Huyện Kim Sơn</p>")
    MenuItem = old.get_model("website", "MenuItem")
    MenuItem.objects.create(label="Tin tức", target="category", category=news, order=10)
    MenuItem.objects.create(label="Giới thiệu", target="page", page=about, order=20)
    old.get_model("website", "MaintenanceNotice").objects.create(
        starts_at=timezone.now() + timezone.timedelta(days=8),
        ends_at=timezone.now() + timezone.timedelta(days=8, hours=2),
        message="Nâng cấp máy chủ",
    )
    chair = old.get_model("meetings", "Official").objects.create(
        name="Phạm Văn Hùng", slug="pham-van-hung", position="Chủ tịch UBND huyện", office="UBND huyện"
    )
    meeting = old.get_model("meetings", "Meeting").objects.create(
        title="Phiên họp thường kỳ tháng 5",
        slug="phien-hop-thuong-ky-thang-5",
        kind="regular",
        starts_at=published,
        location="Phòng họp số 1",
        status="held",
        is_public=True,
    )
    old.get_model("meetings", "Attendee").objects.create(meeting=meeting, official=chair, role="chair", order=1)
    meeting.articles.add(article)
    User, OldGroup = old.get_model("auth", "User"), old.get_model("auth", "Group")
    for username, role in (("hang", PRESS_OFFICER), ("kien", EDITOR_IN_CHIEF)):
        user = User.objects.create(username=username, is_staff=True, password="!")
        user.groups.add(OldGroup.objects.get(name=role.group_name))
    return article.pk


@pytest.mark.django_db(transaction=True)
def test_a_single_unit_portal_becomes_one_unit_that_keeps_all_its_content(client):
    old = migrate_back()
    assert "units" not in old.app_configs or not old.get_app_config("units").models
    article_pk = fill_a_single_unit_portal(old)

    migrate_forward()

    unit = Unit.objects.get()
    assert (unit.code, unit.name, unit.short_name) == ("000", "Ủy ban nhân dân huyện Kim Sơn", "UBND huyện Kim Sơn")
    assert unit.level == Unit.Level.FORMER_DISTRICT and unit.parent is None and not unit.archived
    # It answers where the portal answered: its ALLOWED_HOSTS, the first the canonical one.
    assert unit.host == "testserver"
    assert set(UnitAlias.objects.filter(unit=unit, redirect=False).values_list("host", flat=True)) == {
        "localhost",
        "127.0.0.1",
    }
    for model in HELD:
        assert model.objects.exists(), model
        assert not model.objects.exclude(unit=unit).exists(), model
    site = SiteSettings.objects.get()
    assert site.editor_in_chief == "Ông Trần Văn Kiên" and site.featured_category.unit == unit
    article = Article.objects.get(pk=article_pk)
    assert (article.author, article.view_count, article.external_id) == ("Minh Hằng", 1234, "KS-77")
    assert article.category.unit == unit
    assert list(Meeting.objects.get().articles.all()) == [article]
    assert Attendee.objects.get().official.unit == unit
    assert [item.get_absolute_url() for item in MenuItem.objects.order_by("order")] == [
        "/chuyen-muc/tin-tuc-su-kien/",
        "/trang/gioi-thieu/",
    ]
    # Each account's role group became its role in the unit (accounts 0004).
    roles = {m.user.username: m.role.name for m in Membership.objects.filter(unit=unit).select_related("user", "role")}
    assert roles == {"hang": PRESS_OFFICER.group_name, "kien": EDITOR_IN_CHIEF.group_name}

    # And the portal serves it, as before, at its old address.
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Huyện Kim Sơn khánh thành cầu Đá" in response.content.decode()
    home = client.get("/", headers={"host": "localhost"}).content.decode()
    assert "Ủy ban nhân dân huyện Kim Sơn" in home and "Huyện Kim Sơn khánh thành cầu Đá" in home


@pytest.mark.django_db(transaction=True)
def test_a_fresh_database_gets_no_unit():
    migrate_back()
    migrate_forward()
    assert not Unit.objects.exists()
