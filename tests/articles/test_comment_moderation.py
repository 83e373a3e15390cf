"""Comment moderation in the admin: the text in the list, approval and hiding in bulk, each on record."""

import pytest

from accounts.models import AuditEvent
from articles.models import Comment
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    from accounts import roles

    roles.sync_roles()
    user = make_staff("chief", roles.EDITOR_IN_CHIEF)
    client.force_login(user)
    return user


def test_the_list_shows_the_comment_text(client, chief):
    article = make_article("Giá lúa tăng")
    Comment.objects.create(article=article, name="Lan", body="Bà con rất mừng vì giá lúa tăng vụ này.")
    page = client.get("/admin/articles/comment/")
    assert "Bà con rất mừng vì giá lúa tăng vụ này." in page.content.decode()


def test_approve_then_hide_in_bulk_is_recorded(client, chief):
    article = make_article()
    comments = [Comment.objects.create(article=article, name=f"Người {n}", body="Hay") for n in range(3)]
    ids = [c.pk for c in comments]
    client.post("/admin/articles/comment/", {"action": "approve_selected", "_selected_action": ids})
    assert Comment.objects.filter(approved=True).count() == 3
    approvals = AuditEvent.objects.filter(action=AuditEvent.Action.APPROVE)
    assert approvals.count() == 3 and {e.actor for e in approvals} == {chief}

    client.post("/admin/articles/comment/", {"action": "hide_selected", "_selected_action": ids[:2]})
    assert list(Comment.objects.filter(approved=True).values_list("pk", flat=True)) == ids[2:]
    hidden = AuditEvent.objects.filter(action=AuditEvent.Action.HIDE)
    assert sorted(hidden.values_list("object_id", flat=True)) == sorted(str(pk) for pk in ids[:2])
