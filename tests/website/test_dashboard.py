"""The admin's first screen: each role sees its own work in its unit, in a bounded number of queries."""

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from accounts import roles
from accounts.permissions import serving
from articles import services
from articles.models import Comment
from meetings.models import Meeting, Task
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article
from tests.units import unit_under_test
from website import dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db, settings):
    settings.OTP_REQUIRED_ROLES = []  # the administrator's second factor is tested in tests/accounts
    roles.sync_roles()
    return {
        "officer": make_staff("bientap", roles.PRESS_OFFICER),
        "chief": make_staff("truongban", roles.EDITOR_IN_CHIEF),
        "secretary": make_staff("thuky", roles.SECRETARY),
        "admin": make_staff("quantri", roles.ADMINISTRATOR),
    }


@pytest.fixture
def work(people):
    officer, chief = people["officer"], people["chief"]
    make_article("Bản nháp đang viết", status="draft", created_by=officer)
    returned = make_article("Tin bị trả lại", status="pending", created_by=officer)
    services.return_article(article=returned, by=chief, reason="Ảnh chưa đúng sự kiện.")
    make_article("Tin chờ duyệt", status="pending", created_by=officer)
    make_article("Tin hẹn giờ", published_at=timezone.now() + timezone.timedelta(days=1))
    Comment.objects.create(article=make_article("Tin có nhận xét"), name="An", body="Cần thêm số liệu")
    now = timezone.now()
    Meeting.objects.create(title="Họp sắp tới chưa có chương trình", starts_at=now + timezone.timedelta(days=3))
    held = Meeting.objects.create(title="Họp đã xong", starts_at=now - timezone.timedelta(days=10))
    Task.objects.create(
        meeting=held,
        description="Báo cáo tiến độ",
        responsible_office="Phòng Kinh tế",
        deadline=now.date().replace(year=2020),
    )
    AccessAttempt.objects.create(username="bientap", ip_address="10.0.0.1", failures_since_start=99, user_agent="x")


def page_for(client, user):
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_the_press_officer_sees_their_drafts_and_the_reason(client, people, work):
    page = page_for(client, people["officer"])
    assert "Bài được trả lại để sửa" in page and "Ảnh chưa đúng sự kiện." in page
    assert "Bản nháp đang viết" in page
    assert "Tin chờ duyệt" not in page and "Nhận xét chờ duyệt" not in page


def test_the_editor_in_chief_sees_what_awaits_them(client, people, work):
    page = page_for(client, people["chief"])
    for text in ("Chờ duyệt", "Tin chờ duyệt", "Tin hẹn giờ", "Nhận xét chờ duyệt", "Cần thêm số liệu", "Tin đề xuất"):
        assert text in page
    assert "Bản nháp của tôi" not in page and "Câu hỏi sắp đến hạn" in page


def test_the_secretary_sees_meetings_and_overdue_tasks(client, people, work):
    page = page_for(client, people["secretary"])
    assert "Họp sắp tới chưa có chương trình" in page
    assert "Họp đã xong" in page and "Báo cáo tiến độ" in page
    assert "Chờ duyệt" not in page


def test_the_administrator_sees_locked_and_unused_accounts(rf, people, work):
    # The administrator's admin asks for a second factor first (tests/accounts): the panels are read directly.
    request = rf.get("/admin/")
    request.user, request.unit = people["admin"], unit_under_test()
    with serving(request.unit):
        page = str(dashboard.panels(request))
    assert "Tài khoản đang bị khóa đăng nhập" in page and "bientap" in page
    assert "Tài khoản không dùng từ 90 ngày" in page and "thuky" in page


@pytest.mark.parametrize(("who", "budget"), [("officer", 14), ("chief", 16), ("secretary", 14)])
def test_query_budget(client, people, work, django_assert_max_num_queries, who, budget):
    client.force_login(people[who])
    client.get("/admin/")
    with django_assert_max_num_queries(budget):
        assert client.get("/admin/").status_code == 200
