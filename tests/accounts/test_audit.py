"""Every create, change, delete, publish, withdraw, log-in, failed log-in and role change is on record."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import AuditEvent
from articles.models import Article
from tests.accounts.conftest import PASSWORD
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.units import give_role

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action


def last(action):
    return AuditEvent.objects.filter(action=action).first()


def test_admin_changes_are_recorded_with_who(client, staff):
    chief = staff["editor_in_chief"]
    client.force_login(chief)
    category = make_category("Kinh tế")
    client.post(
        "/admin/articles/article/add/",
        {
            "title": "Giá lúa tăng",
            "category": category.pk,
            "kind": "news",
            "status": "draft",
            "lead": "Sapo",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    article = Article.objects.get(title="Giá lúa tăng")
    created = last(Action.CREATE)
    assert (created.actor, created.object_repr, created.object_id) == (chief, "Giá lúa tăng", str(article.pk))

    client.post("/admin/articles/article/", {"action": "publish_selected", "_selected_action": [article.pk]})
    assert last(Action.PUBLISH).object_id == str(article.pk) and last(Action.PUBLISH).actor == chief
    client.post("/admin/articles/article/", {"action": "withdraw_selected", "_selected_action": [article.pk]})
    assert last(Action.WITHDRAW).actor_name == "editor_in_chief"

    client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert last(Action.DELETE).object_repr == "Giá lúa tăng"


def test_log_ins_and_failures_are_recorded_without_passwords(client, staff):
    client.post("/admin/login/", {"username": "press_officer", "password": "sai-mat-khau"})
    failed = last(Action.LOGIN_FAILED)
    assert failed.detail == "press_officer" and "sai-mat-khau" not in str(failed.__dict__)
    client.post("/admin/login/", {"username": "press_officer", "password": PASSWORD})
    assert last(Action.LOGIN).actor == staff["press_officer"]


def test_roles_given_and_taken_in_a_unit_are_recorded(client, staff):
    log_in_with_second_factor(client, staff["administrator"])
    officer = staff["press_officer"]
    membership = give_role(officer, roles.EDITOR_IN_CHIEF)
    event = last(Action.ROLE_CHANGE)
    assert event.object_id == str(officer.pk) and event.detail == "+Trưởng ban biên tập (UBND xã Hòa Bình)"
    membership.delete()
    assert last(Action.ROLE_CHANGE).detail == "−Trưởng ban biên tập (UBND xã Hòa Bình)"


def test_role_changes_are_recorded(client, staff):
    log_in_with_second_factor(client, staff["administrator"])
    officer = staff["press_officer"]
    officer.groups.add(Group.objects.get(name=roles.EDITOR_IN_CHIEF.group_name))
    event = last(Action.ROLE_CHANGE)
    assert event.object_id == str(officer.pk) and event.detail == "+Trưởng ban biên tập"


def test_the_trail_is_readable_by_administrators(client, staff):
    make_article("Tin cần theo dõi")
    log_in_with_second_factor(client, staff["administrator"])
    html = client.get("/admin/accounts/auditevent/").content.decode()
    assert "Tin cần theo dõi" in html
