"""Each role against each action, through real admin requests: allowed, or 403 / hidden; never a 500."""

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from articles.models import Article, Comment
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db

ADMIN, CHIEF, OFFICER, SECRETARY = "administrator", "editor_in_chief", "press_officer", "secretary"
EVERYONE = {ADMIN, CHIEF, OFFICER, SECRETARY}


@pytest.fixture
def content(staff):
    category = make_category("Kinh tế")
    published = make_article("Tin đã đăng", category=category, created_by=staff[OFFICER])
    draft = make_article("Bản nháp", category=category, status=Article.Status.DRAFT, created_by=staff[OFFICER])
    comment = Comment.objects.create(article=published, name="Lan", body="Hay quá")
    meeting = make_meeting(attendees=2)
    event = AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, actor_name="x")
    return {
        "category": category,
        "published": published,
        "draft": draft,
        "comment": comment,
        "meeting": meeting,
        "event": event,
        "user": staff[OFFICER],
    }


# (name, method, url template, data, roles that may do it)
ACTIONS = [
    ("list articles", "get", "/admin/articles/article/", None, EVERYONE),
    ("open the add-article form", "get", "/admin/articles/article/add/", None, {ADMIN, CHIEF, OFFICER}),
    (
        "edit a published article",
        "post",
        "/admin/articles/article/{published.pk}/change/",
        {"title": "Sửa"},
        {ADMIN, CHIEF},
    ),
    (
        "delete a published article",
        "post",
        "/admin/articles/article/{published.pk}/delete/",
        {"post": "yes"},
        {ADMIN, CHIEF},
    ),
    ("add a category", "get", "/admin/articles/category/add/", None, {ADMIN, CHIEF}),
    ("moderate comments", "get", "/admin/articles/comment/{comment.pk}/change/", None, {ADMIN, CHIEF}),
    ("list users", "get", "/admin/auth/user/", None, {ADMIN}),
    ("add a user", "get", "/admin/auth/user/add/", None, {ADMIN}),
    ("reset a password", "get", "/admin/auth/user/{user.pk}/password/", None, {ADMIN}),
    ("edit roles", "get", "/admin/auth/group/", None, {ADMIN}),
    ("edit site settings", "get", "/admin/website/sitesettings/", None, {ADMIN}),
    ("announce maintenance", "get", "/admin/website/maintenancenotice/add/", None, {ADMIN}),
    ("record a meeting", "get", "/admin/meetings/meeting/add/", None, {ADMIN, SECRETARY}),
    ("edit a meeting", "get", "/admin/meetings/meeting/{meeting.pk}/change/", None, {ADMIN, SECRETARY, CHIEF}),
    ("delete a meeting", "post", "/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}, {ADMIN, SECRETARY}),
    ("edit the officials", "get", "/admin/meetings/official/add/", None, {ADMIN, SECRETARY}),
    ("read the audit trail", "get", "/admin/accounts/auditevent/", None, {ADMIN}),
    ("unlock log-ins", "get", "/admin/axes/accessattempt/", None, {ADMIN}),
]


def publish_action(content):
    return {"action": "publish_selected", "_selected_action": [content["draft"].pk]}


@pytest.mark.parametrize("role", sorted(EVERYONE))
@pytest.mark.parametrize(("name", "method", "url", "data", "allowed"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_permission_matrix(client, staff, content, role, name, method, url, data, allowed):
    log_in_with_second_factor(client, staff[role])
    response = getattr(client, method)(url.format(**content), data or {})
    assert response.status_code < 500
    if role in allowed:
        assert response.status_code in (200, 302), f"{role} should be able to {name}"
    else:
        assert response.status_code == 403, f"{role} must not {name} (got {response.status_code})"


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_only_the_editors_publish(client, staff, content, role):
    log_in_with_second_factor(client, staff[role])
    response = client.post("/admin/articles/article/", publish_action(content))
    assert response.status_code < 500
    content["draft"].refresh_from_db()
    published = content["draft"].status == Article.Status.PUBLISHED
    assert published == (role in {ADMIN, CHIEF})


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_nobody_edits_the_audit_trail(client, staff, content, role):
    log_in_with_second_factor(client, staff[role])
    event = content["event"]
    client.post(f"/admin/accounts/auditevent/{event.pk}/change/", {"action": "create", "actor_name": "hacker"})
    assert client.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/accounts/auditevent/add/").status_code == 403
    event.refresh_from_db()
    assert event.actor_name == "x" and event.action == AuditEvent.Action.LOGIN


def test_even_a_superuser_cannot_rewrite_the_trail(admin_client, content):
    event = content["event"]
    assert admin_client.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert timezone.now() >= event.created_at


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_only_who_may_edit_or_publish_a_draft_previews_it(client, staff, content, role):
    log_in_with_second_factor(client, staff[role])
    response = client.get(f"/bien-tap/xem-truoc/{content['draft'].pk}/")
    if role in {ADMIN, CHIEF, OFFICER}:  # the officer wrote it
        assert response.status_code == 200 and "Bản nháp" in response.content.decode()
    else:
        assert response.status_code == 404


def test_a_press_officer_does_not_preview_a_colleagues_draft(client, staff, content):
    colleague = make_staff("bientap2", roles.PRESS_OFFICER)
    log_in_with_second_factor(client, colleague)
    assert client.get(f"/bien-tap/xem-truoc/{content['draft'].pk}/").status_code == 404
