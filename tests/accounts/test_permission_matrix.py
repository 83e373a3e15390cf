"""Each role against each action, through real admin requests: allowed, or 403 / hidden; never a 500."""

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from articles.models import Article, Comment
from questions.models import Question, Status
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.documents.factories import make_document
from tests.meetings.factories import make_meeting
from tests.questions.factories import make_field, make_office
from tests.units import unit_under_test as the_test_unit

pytestmark = pytest.mark.django_db

ADMIN, CHIEF, OFFICER, SECRETARY, CLERK = "administrator", "editor_in_chief", "press_officer", "secretary", "clerk"
ANSWERER = "answerer"
EVERYONE = {ADMIN, CHIEF, OFFICER, SECRETARY, CLERK, ANSWERER}
# Who sees the articles in the admin: every role but the officers who answer citizens' questions.
ARTICLE_READERS = EVERYONE - {ANSWERER}
# Who sees citizens' questions (hỏi đáp): the editor-in-chief sorts and publishes, the officers answer.
QUESTIONS = {ADMIN, CHIEF, ANSWERER}
# Who enters documents (văn bản): the clerk, and the secretary, whose meetings' papers are documents.
DOCUMENTS = {ADMIN, SECRETARY, CLERK}


@pytest.fixture
def content(staff):
    category = make_category("Kinh tế")
    published = make_article("Tin đã đăng", category=category, created_by=staff[OFFICER])
    draft = make_article("Bản nháp", category=category, status=Article.Status.DRAFT, created_by=staff[OFFICER])
    comment = Comment.objects.create(article=published, name="Lan", body="Hay quá")
    meeting = make_meeting(attendees=2)
    document = make_document("Quyết định ban hành quy định thu phí chợ")
    event = AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, actor_name="x")
    question = Question.objects.create(
        unit=the_test_unit(),
        code="HD-2345-6789",
        name="An",
        phone="0912345678",
        field=make_field(),
        title="Hỏi về sổ đỏ",
        body="Xin hỏi",
        office=make_office(),
        status=Status.ASSIGNED,
    )
    return {
        "question": question,
        "category": category,
        "published": published,
        "draft": draft,
        "comment": comment,
        "meeting": meeting,
        "document": document,
        "event": event,
        "user": staff[OFFICER],
    }


# (name, method, url template, data, roles that may do it)
ACTIONS = [
    ("list articles", "get", "/admin/articles/article/", None, ARTICLE_READERS),
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
    ("list documents", "get", "/admin/documents/document/", None, DOCUMENTS),
    ("enter a document", "get", "/admin/documents/document/add/", None, DOCUMENTS),
    ("edit a document", "get", "/admin/documents/document/{document.pk}/change/", None, DOCUMENTS),
    ("delete a document", "post", "/admin/documents/document/{document.pk}/delete/", {"post": "yes"}, DOCUMENTS),
    ("add a document type", "get", "/admin/documents/documenttype/add/", None, {ADMIN}),
    ("add a field", "get", "/admin/documents/field/add/", None, {ADMIN}),
    ("read the audit trail", "get", "/admin/accounts/auditevent/", None, {ADMIN}),
    ("list questions", "get", "/admin/questions/question/", None, QUESTIONS),
    ("open a question", "get", "/admin/questions/question/{question.pk}/change/", None, QUESTIONS),
    ("delete a question", "post", "/admin/questions/question/{question.pk}/delete/", {"post": "yes"}, {ADMIN, CHIEF}),
    ("add an office", "get", "/admin/questions/office/add/", None, {ADMIN, CHIEF}),
    ("list public holidays", "get", "/admin/questions/publicholiday/", None, {ADMIN, CHIEF}),
    ("add a public holiday", "get", "/admin/questions/publicholiday/add/", None, {ADMIN}),
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


# The unit dimension: each role held in the test unit, aiming at the content of the test unit itself,
# of a sibling commune and of the province, by its numbers in crafted URLs and POSTs on the test unit's
# admin, and on the other unit's own host. (name, method, url template, data, roles that may do it at home)
UNIT_ACTIONS = [
    ("open an article", "get", "/admin/articles/article/{published.pk}/change/", None, ARTICLE_READERS),
    ("edit an article", "post", "/admin/articles/article/{published.pk}/change/", {"title": "Sửa"}, {ADMIN, CHIEF}),
    ("delete an article", "post", "/admin/articles/article/{published.pk}/delete/", {"post": "yes"}, {ADMIN, CHIEF}),
    ("preview a draft", "get", "/bien-tap/xem-truoc/{draft.pk}/", None, {ADMIN, CHIEF, OFFICER}),
    ("edit a category", "get", "/admin/articles/category/{category.pk}/change/", None, {ADMIN, CHIEF, OFFICER}),
    ("moderate a comment", "get", "/admin/articles/comment/{comment.pk}/change/", None, {ADMIN, CHIEF}),
    ("edit a meeting", "get", "/admin/meetings/meeting/{meeting.pk}/change/", None, {ADMIN, SECRETARY, CHIEF}),
    ("delete a meeting", "post", "/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}, {ADMIN, SECRETARY}),
    ("edit a document", "get", "/admin/documents/document/{document.pk}/change/", None, DOCUMENTS),
    ("delete a document", "post", "/admin/documents/document/{document.pk}/delete/", {"post": "yes"}, DOCUMENTS),
    ("download an unpublished attachment", "get", "/tep-tin/{attachment.file.name}", None, {ADMIN, CHIEF, OFFICER}),
]
PLACES = ["own", "sibling", "province"]


@pytest.fixture
def places(staff, settings):
    from tests.accounts.units_fixtures import HOSTS, fill, make_province

    settings.ALLOWED_HOSTS = HOSTS
    province, own, sibling = make_province()
    return {
        "own": fill(own, staff[OFFICER], "của xã"),
        "sibling": fill(sibling, staff[OFFICER], "của xã bên"),
        "province": fill(province, staff[OFFICER], "của tỉnh"),
    }


def unchanged(place):
    """Nothing of the other unit was changed or deleted by the request."""
    for row in (place.published, place.draft, place.meeting, place.document):
        assert type(row).objects.filter(pk=row.pk).exists(), f"{row} was deleted"
    place.published.refresh_from_db()
    return place.published.title.startswith("Tin đã đăng")


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("role", sorted(EVERYONE))
@pytest.mark.parametrize(("name", "method", "url", "data", "allowed"), UNIT_ACTIONS, ids=[a[0] for a in UNIT_ACTIONS])
def test_permission_matrix_by_unit(client, staff, places, role, name, method, url, data, allowed, place):
    """At home a role does what it may; another unit's rows are missing, whatever the address or the form says."""
    from django.core.files.base import ContentFile

    from core.uploads import protected_storage

    target = places[place]
    protected_storage.save(target.attachment.file.name, ContentFile(b"%PDF-1.4"))
    log_in_with_second_factor(client, staff[role])
    address = url.format(**vars(target))
    response = getattr(client, method)(address, data or {})
    assert response.status_code < 500
    if place == "own":
        if role in allowed:
            assert response.status_code in (200, 302), f"{role} should be able to {name}"
        else:
            assert response.status_code in (403, 404), f"{role} must not {name} (got {response.status_code})"
        return
    # The admin answers a number that is not in this unit's rows as it answers one that does not exist:
    # back to the dashboard ("… không tồn tại"), or a 403 / 404.
    assert response.status_code in (302, 403, 404), f"{role} reached {place}'s {name}"
    if response.status_code == 302:
        assert response["Location"] == "/admin/", f"{role} reached {place}'s {name}"
    assert target.published.title.encode() not in response.content
    assert unchanged(target)
    # On the other unit's own host the account holds no role: nothing opens there either.
    response = getattr(client, method)(address, data or {}, HTTP_HOST=target.unit.host)
    assert response.status_code in (302, 403, 404), f"{role} reached {place}'s {name} on its host"
    assert target.published.title.encode() not in response.content
    assert unchanged(target)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_only_the_editors_publish_and_only_at_home(client, staff, places, role, place):
    target = places[place]
    log_in_with_second_factor(client, staff[role])
    response = client.post(
        "/admin/articles/article/", {"action": "publish_selected", "_selected_action": [target.draft.pk]}
    )
    assert response.status_code < 500
    target.draft.refresh_from_db()
    published = target.draft.status == Article.Status.PUBLISHED
    assert published == (role in {ADMIN, CHIEF} and place == "own")
