"""The admin in Vietnamese, for every role: no English from Django or a library shows through."""

import re
from html.parser import HTMLParser

import pytest

from tests.accounts.admin_pages import admin_pages, make_content, make_people
from tests.conftest import log_in_with_second_factor

pytestmark = pytest.mark.django_db

# English that Django, django-axes or django-otp print when a translation is missing (found by reading
# the pages of every role before our catalogue, locale/vi, completed theirs).
ENGLISH = [
    "Please correct",
    "Show counts",
    "Hide counts",
    "Added:",
    "Changed:",
    "Deleted:",
    "Choose all",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Django administration",
    "Django site admin",
    "Site administration",
    "Log in",
    "Log out",
    "Filter",
    "Search",
    "Save",
    "Delete",
    "History",
    "Required.",
    "Designates",
    "Raw passwords",
    "Password-based",
    "Enter a",
    "This field",
    "access attempt",
    "Access Attempt",
    "Axes",
    "Attempt Time",
    "User Agent",
    "Failed Logins",
    "Form Data",
    "Meta Data",
    "TOTP",
    "static device",
    "Skip to main content",
    "Toggle",
    "Sidebar",
    "Breadcrumbs",
    "entries",
    "Select all",
    "Yes",
    "By ",
    "Any date",
    "Today",
    "Past 7 days",
    "This month",
    "This year",
    "Recent actions",
    "My actions",
    "None available",
    "Add another",
    "Remove",
    "Clear all filters",
    "Go",
    "Action",
]
WORDS = re.compile("|".join(rf"(?<![\w-]){re.escape(phrase)}(?![\w])" for phrase in ENGLISH))
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class ShownText(HTMLParser):
    """The text a person sees or hears on a page: its content and labelling attributes, not its scripts."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        attrs = dict(attrs)
        self.parts.extend(value for name, value in attrs.items() if name in SHOWN_ATTRIBUTES and value)
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_on(html):
    parser = ShownText()
    parser.feed(html)
    return sorted({match.group(0) for part in parser.parts for match in WORDS.finditer(part)})


def test_the_phrase_finder_finds_english_and_spares_vietnamese():
    assert english_on('<p>Please correct the error below.</p><input type="submit" value="Save">') == [
        "Please correct",
        "Save",
    ]
    assert english_on('<a title="Show counts">x</a><script>var Filter = 1</script>') == ["Show counts"]
    assert english_on("<p>Lưu và tiếp tục sửa; Bộ lọc; Tìm kiếm</p>") == []


@pytest.mark.parametrize(
    "key", ["administrator", "editor_in_chief", "press_officer", "secretary", "clerk", "superuser"]
)
def test_every_admin_page_a_role_opens_is_in_vietnamese(client, key):
    people = make_people()
    make_content(people["press_officer"])
    log_in_with_second_factor(client, people[key])
    found = {}
    for url in admin_pages(client):
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            found[url] = english
    assert found == {}


def test_a_refused_form_and_the_lock_out_page_are_in_vietnamese(client, settings):
    people = make_people()
    log_in_with_second_factor(client, people["administrator"])
    refused = client.post("/admin/articles/category/add/", {})
    assert refused.status_code == 200
    assert "Vui lòng sửa các lỗi dưới đây." in refused.content.decode()
    assert english_on(refused.content.decode()) == []

    client.logout()
    settings.AXES_FAILURE_LIMIT = 1
    for _attempt in range(2):
        locked = client.post("/admin/login/", {"username": "administrator", "password": "sai-mat-khau"})
    page = locked.content.decode()
    assert "Quản trị cổng thông tin" in page
    assert "Django" not in page
    assert english_on(page) == []


def test_role_permissions_are_named_in_vietnamese(admin_client):
    make_people()
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Thư ký")
    page = admin_client.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
    assert "Thêm cuộc họp" in page or "Thêm phiên họp" in page
    assert "Can add" not in page
    # Libraries' own models (django-reversion's revisions and versions) are named in Vietnamese too.
    assert "Lịch sử phiên bản | Thêm lần lưu" in page
    assert "Reversion" not in page and "revision" not in page
