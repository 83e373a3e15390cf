"""Every admin page a role can open, found the way the role finds them: from the index's list of sections.

Shared by the English-phrases test (test_admin_language.py) and the sideways-scrolling browser test.
"""

import reversion
from axes.models import AccessAttempt
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts import roles
from accounts.models import AuditEvent
from articles.models import Article, Comment
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article, make_category
from tests.documents.factories import make_document
from tests.meetings.factories import make_meeting

ROLE_KEYS = [role.key for role in roles.ROLES]


def make_content(author):
    """One record of each kind a role works on, so that each list has a change form to open."""
    category = make_category("Kinh tế")
    article = make_article("Tin đã đăng", category=category, created_by=author)
    draft = make_article("Bản nháp", category=category, status=Article.Status.DRAFT, created_by=author)
    Comment.objects.create(article=article, name="Lan", body="Bài viết rất hữu ích cho bà con.")
    meeting = make_meeting(attendees=3, agenda=2)
    for revised in (article, draft, meeting):  # two revisions each: their history compares and restores
        for suffix in ("", " (đã sửa)"):
            with reversion.create_revision():
                revised.title += suffix
                revised.save()
    make_document("Quyết định ban hành quy định thu phí chợ")
    AuditEvent.objects.create(action=AuditEvent.Action.LOGIN_FAILED, actor_name="", detail="nguyenvana")
    AccessAttempt.objects.create(
        username="nguyenvana", ip_address="203.0.113.9", user_agent="Firefox", failures_since_start=5
    )
    return {"article": article, "meeting": meeting}


def make_people():
    """One account per role, plus a superuser, each with an add and a change in its recent actions."""
    roles.sync_roles()
    people = {key: make_staff(key, role) for key, role in zip(ROLE_KEYS, roles.ROLES, strict=True)}
    superuser = make_staff("superuser", roles.ADMINISTRATOR)
    superuser.is_superuser = True
    superuser.save()
    people["superuser"] = superuser
    content_type = ContentType.objects.get_for_model(Article)
    for user in people.values():
        for flag in (ADDITION, CHANGE):
            LogEntry.objects.create(
                user=user, content_type=content_type, object_id="1", object_repr="Tin đã đăng", action_flag=flag
            )
    return people


def admin_pages(client):
    """The index, each listed model's changelist and add form, and the first row's change (or view) form."""
    index = client.get("/admin/")
    assert index.status_code == 200
    urls = ["/admin/"]
    for app in index.context["app_list"]:
        for model in app["models"]:
            if model.get("admin_url"):
                changelist = client.get(model["admin_url"])
                if changelist.status_code == 302:  # a settings record (django-solo): its list is its form
                    urls.append(changelist.url)
                    continue
                assert changelist.status_code == 200, model["admin_url"]
                urls.append(model["admin_url"])
                cl = changelist.context.get("cl")  # None on a list of our own making (statistics)
                if cl is not None and cl.result_list:
                    urls.append(cl.url_for_result(cl.result_list[0]))
                    urls += history_pages(client, cl.url_for_result(cl.result_list[0]))
            if model.get("add_url"):
                urls.append(model["add_url"])
    return urls


def history_pages(client, change_url):
    """A revised object's history, the diff of its two latest versions and, to who may, the restore's preview."""
    history_url = change_url.removesuffix("change/") + "history/"
    history = client.get(history_url)
    versions = history.context.get("versions") if history.status_code == 200 else None
    if not versions:
        return []
    urls = [history_url]
    if len(versions) > 1:
        urls.append(f"{history.context['compare_url']}?old={versions[1].pk}&new={versions[0].pk}")
    if history.context["can_restore"]:
        urls.append(reverse(history.context["restore_url_name"], args=[history.context["object"].pk, versions[-1].pk]))
    return urls
