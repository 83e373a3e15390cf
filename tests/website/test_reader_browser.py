"""The reader's side, in a real browser on a 360 px phone and a 1280 px desktop."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import roles
from articles.models import Article
from meetings.models import Task
from tests.articles.factories import make_article
from tests.consultations.factories import make_consultation
from tests.meetings.factories import make_meeting
from tests.stats.conftest import BROWSER_UA
from tests.units import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
PASSWORD = "MatKhau@SongLam2026"
# A long article, as most are: its comment form is far below the top of the page.
LONG_BODY = "".join(f"<p>Đoạn {n}: bà con xã Hòa Bình phấn khởi vì được mùa được giá.</p>" for n in range(40))


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def reader(request, browser, live_server):
    """A citizen's browser at each width, with an ordinary user agent (a headless one is taken for a robot)."""
    context = browser.new_context(
        viewport={"width": request.param, "height": 800}, locale="vi-VN", user_agent=BROWSER_UA
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def in_view(page, locator):
    """Whether the element is wholly inside the browser's window, as the reader sees it."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def shoot(page, screenshot, name):
    """The whole page, and the window as the reader sees it."""
    whole = screenshot(page, name)
    page.screenshot(path=str(whole.with_name(f"{whole.stem}-window.png")))


def reader_waits(page):
    page.wait_for_timeout(2100)  # a person takes a moment: the form's time stamp refuses instant posts


def test_after_a_comment_the_thanks_is_where_the_reader_is(reader, live_server, screenshot):
    article = make_article("Nông dân Hòa Bình thu hoạch lúa hè thu", body=LONG_BODY)
    reader.goto(live_server.url + article.get_absolute_url())
    reader.get_by_label("Họ và tên").fill("Lê Văn Hòa")
    reader.get_by_label("Nội dung").fill("Cảm ơn Ban biên tập đã đưa tin.")
    reader_waits(reader)
    reader.get_by_role("button", name="Gửi nhận xét").click()
    thanks = reader.get_by_text("Nhận xét sẽ hiện sau khi được Ban biên tập duyệt")
    thanks.wait_for()
    shoot(reader, screenshot, "commented")
    assert in_view(reader, thanks)
    assert thanks.count() == 1  # not also at the top of the page
    assert article.comments.count() == 1


def test_after_a_rating_the_thanks_is_in_the_rating_box(reader, live_server, screenshot):
    article = make_article("Lịch tiếp công dân tháng 12", body=LONG_BODY)
    reader.goto(live_server.url + article.get_absolute_url())
    reader_waits(reader)
    reader.get_by_role("button", name="Có", exact=True).click()
    thanks = reader.locator("#danh-gia").get_by_text("Cảm ơn bạn đã đánh giá.")
    thanks.wait_for()
    shoot(reader, screenshot, "rated")
    assert in_view(reader, thanks)


def test_after_a_consultation_comment_the_thanks_is_where_the_reader_is(reader, live_server, screenshot):
    consultation = make_consultation("Lấy ý kiến dự thảo Quy chế quản lý chợ trung tâm", moderated=True)
    reader.goto(live_server.url + consultation.get_absolute_url())
    reader.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    reader.get_by_label("Nội dung góp ý").fill("Đề nghị cho họp chợ từ 5 giờ sáng.")
    reader_waits(reader)
    reader.get_by_role("button", name="Gửi góp ý").click()
    thanks = reader.get_by_text("Ý kiến sẽ hiện sau khi được duyệt")
    thanks.wait_for()
    shoot(reader, screenshot, "consultation-commented")
    assert in_view(reader, thanks)


def test_on_a_phone_the_announcements_come_before_the_long_lists(reader, live_server, screenshot):
    for number in range(12):
        make_article(f"Tin hoạt động số {number} của xã Hòa Bình")
    make_article("Thông báo lịch tiếp công dân tháng 12", kind=Article.Kind.ANNOUNCEMENT)
    reader.goto(live_server.url + "/")
    shoot(reader, screenshot, "home")
    box = reader.locator(".announcements-box").filter(has_text="Thông báo lịch tiếp công dân")
    assert box.count() == 2 and reader.locator(".announcements-box:visible").count() == 1
    shown = box.locator("visible=true").bounding_box()
    latest = reader.locator("#latest-title").bounding_box()
    main = reader.locator("main").bounding_box()
    if reader.viewport_size["width"] == 360:
        assert shown["y"] < latest["y"], "the announcements are below the latest news on a phone"
    else:
        assert shown["x"] >= main["x"] + main["width"], "the announcements left the sidebar on a desktop"


def test_signed_in_staff_see_their_name_in_the_header(reader, live_server, screenshot):
    roles.sync_roles()
    officer = get_user_model().objects.create_user(
        "bientap", password=PASSWORD, is_staff=True, last_name="Nguyễn Văn", first_name="Bình"
    )
    give_role(officer, roles.PRESS_OFFICER)
    reader.goto(live_server.url + "/")
    assert reader.get_by_role("link", name="Đăng nhập").is_visible()
    reader.goto(live_server.url + "/admin/login/")
    reader.get_by_label("Tên đăng nhập").fill("bientap")
    reader.get_by_label("Mật khẩu").fill(PASSWORD)
    reader.locator("input[type=submit]").click()
    reader.wait_for_url(re.compile(r"/admin/$"))
    reader.goto(live_server.url + "/")
    header = reader.locator(".banner")
    shoot(reader, screenshot, "staff-header")
    assert header.get_by_text("Nguyễn Văn Bình").is_visible()
    assert header.get_by_role("link", name="Trang quản trị").is_visible()
    assert header.get_by_role("link", name="Đăng nhập").count() == 0


def test_the_meeting_tasks_read_as_cards_on_a_phone(reader, live_server, screenshot):
    meeting = make_meeting("Phiên họp thường kỳ tháng 11 của UBND xã Hòa Bình", attendees=3)
    Task.objects.create(
        meeting=meeting,
        description="Hoàn thành nạo vét kênh mương nội đồng trước mùa mưa lũ, báo cáo kết quả về Văn phòng",
        responsible_office="Phòng Nông nghiệp và Phát triển nông thôn",
        deadline=timezone.localdate() - timedelta(days=3),
    )
    Task.objects.create(meeting=meeting, description="Rà soát hộ nghèo", responsible_office="Phòng Lao động")
    reader.goto(live_server.url + meeting.get_absolute_url())
    tasks = reader.locator("table.tasks")
    tasks.scroll_into_view_if_needed()
    shoot(reader, screenshot, "meeting-tasks")
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert reader.evaluate("(box) => box.scrollWidth <= box.clientWidth", tasks.locator("xpath=..").element_handle())
    assert tasks.get_by_text("Phòng Nông nghiệp và Phát triển nông thôn").is_visible()
