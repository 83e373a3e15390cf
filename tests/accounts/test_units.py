"""People and units: who logs in where, who manages which accounts and units, and what leaks between units."""

import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts import roles
from accounts.demo import DEMO_ACCOUNTS, seed_demo_accounts
from accounts.models import Membership
from tests.accounts.conftest import PASSWORD, make_staff
from tests.accounts.units_fixtures import HOSTS, fill, make_province
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.units import give_role
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(settings, db):
    settings.ALLOWED_HOSTS = HOSTS
    roles.sync_roles()
    return make_province()


def test_a_staff_member_logs_in_only_where_they_hold_a_role(client, province):
    _province, own, sibling = province
    make_staff("bientap", roles.PRESS_OFFICER, own)
    form = {"username": "bientap", "password": PASSWORD}
    refused = client.post("/admin/login/", form, HTTP_HOST=sibling.host)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert client.post("/admin/login/", form).status_code == 302


def test_commune_staff_cannot_see_find_or_upload_into_another_commune(client, province):
    _province, own, sibling = province
    officer = make_staff("bientap", roles.PRESS_OFFICER, own)
    chief = make_staff("truongban", roles.EDITOR_IN_CHIEF, own)
    theirs = fill(sibling, officer, "xã bên")
    ours = fill(own, officer, "của xã")
    log_in_with_second_factor(client, chief)
    second = make_article("Tin thứ hai của xã", category=make_category("Kinh tế của xã", unit=own), unit=own)
    listing = client.get("/admin/articles/article/").content.decode()
    assert ours.published.title in listing and theirs.published.title not in listing
    # The list's filters name only this commune's categories, not the other's.
    sidebar = listing[listing.index('id="changelist-filter"') :]
    assert ours.published.category.name in sidebar and second.category.name in sidebar
    assert theirs.published.category.name not in sidebar
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "related", "term": "Tin"},
    )
    titles = [result["text"] for result in json.loads(found.content)["results"]]
    assert ours.published.title in titles and theirs.published.title not in titles
    assert client.get(f"/bien-tap/xem-truoc/{theirs.draft.pk}/").status_code == 404
    # Deleting through the list's action, with the other commune's number in a crafted POST.
    client.post(
        "/admin/articles/article/",
        {"action": "delete_selected", "_selected_action": [theirs.published.pk], "post": "yes"},
    )
    assert type(theirs.published).objects.filter(pk=theirs.published.pk).exists()
    # On the other commune's host the account holds no role: not even the editor's image upload.
    upload = client.post("/bien-tap/tai-anh/", {}, HTTP_HOST=sibling.host)
    assert upload.status_code == 403


def test_the_province_administrator_manages_units_and_appoints_their_administrators(client, province):
    province_unit, own, sibling = province
    boss = make_staff("quantri-tinh", roles.ADMINISTRATOR, province_unit)
    newcomer = make_staff("quantri-xa", roles.PRESS_OFFICER, sibling)
    log_in_with_second_factor(client, boss)
    on_province = {"HTTP_HOST": province_unit.host}
    units = client.get("/admin/units/unit/", **on_province).content.decode()
    assert own.short_name in units and sibling.short_name in units
    users = client.get("/admin/auth/user/", **on_province).content.decode()
    assert "quantri-xa" in users
    membership = newcomer.memberships.get()
    response = client.post(
        f"/admin/auth/user/{newcomer.pk}/change/",
        {
            "username": "quantri-xa",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-user": newcomer.pk,
            "memberships-0-unit": sibling.pk,
            "memberships-0-role": Group.objects.get(name=roles.ADMINISTRATOR.group_name).pk,
        },
        **on_province,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert newcomer.memberships.get().role.name == roles.ADMINISTRATOR.group_name


def test_a_commune_administrator_manages_only_the_commune_s_accounts(client, province):
    province_unit, own, sibling = province
    admin = make_staff("quantri", roles.ADMINISTRATOR, own)
    colleague = make_staff("bientap", roles.PRESS_OFFICER, own)
    neighbour = make_staff("bientap-ben", roles.PRESS_OFFICER, sibling)
    both = make_staff("truongban-tinh", roles.EDITOR_IN_CHIEF, province_unit)
    give_role(both, roles.PRESS_OFFICER, own)
    log_in_with_second_factor(client, admin)
    users = client.get("/admin/auth/user/").content.decode()
    assert "bientap" in users and "bientap-ben" not in users
    assert client.get(f"/admin/auth/user/{neighbour.pk}/change/").status_code == 302  # as if it did not exist
    # Units are the province's business.
    assert client.get("/admin/units/unit/").status_code == 403
    # No role granted in a sibling commune, whatever the POST says.
    membership = colleague.memberships.get()
    client.post(
        f"/admin/auth/user/{colleague.pk}/change/",
        {
            "username": "bientap",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-user": colleague.pk,
            "memberships-0-unit": own.pk,
            "memberships-0-role": membership.role_id,
            "memberships-1-user": colleague.pk,
            "memberships-1-unit": sibling.pk,
            "memberships-1-role": Group.objects.get(name=roles.ADMINISTRATOR.group_name).pk,
        },
    )
    assert not colleague.memberships.filter(unit=sibling).exists()
    # An account that also works for the province is shown, not changed: no password reset, no lock-out.
    assert client.get(f"/admin/auth/user/{both.pk}/password/").status_code == 403
    client.post("/admin/auth/user/", {"action": "deactivate_selected", "_selected_action": [both.pk]})
    both.refresh_from_db()
    assert both.is_active
    # Nor may they rewrite what a role means in every unit.
    assert client.get("/admin/auth/group/").status_code == 200
    group = Group.objects.get(name=roles.PRESS_OFFICER.group_name)
    assert client.post(f"/admin/auth/group/{group.pk}/change/", {"name": "x"}).status_code == 403


def test_demo_accounts_get_their_roles_in_the_unit_named(province):
    own, _commune, sibling = province  # with no unit named, the primary one: the province at the root
    seed_demo_accounts()
    seed_demo_accounts(unit=sibling)
    for account in DEMO_ACCOUNTS:
        held = Membership.objects.filter(user__username=account.username)
        assert {(m.unit, m.role.name) for m in held} == {
            (own, account.role.group_name),
            (sibling, account.role.group_name),
        }


ACCOUNTS_BEFORE_UNITS = ("accounts", "0003_membership")


@pytest.mark.django_db(transaction=True)
def test_an_upgraded_single_unit_portal_keeps_its_accounts_and_roles():
    executor = MigrationExecutor(connection)
    executor.migrate([ACCOUNTS_BEFORE_UNITS])
    old = executor.loader.project_state([ACCOUNTS_BEFORE_UNITS]).apps
    OldUser, OldGroup = old.get_model("auth", "User"), old.get_model("auth", "Group")
    chief_group, _ = OldGroup.objects.get_or_create(name=roles.EDITOR_IN_CHIEF.group_name)
    officer_group, _ = OldGroup.objects.get_or_create(name=roles.PRESS_OFFICER.group_name)
    other, _ = OldGroup.objects.get_or_create(name="Nhóm riêng")
    chief = OldUser.objects.create(username="truongban", is_staff=True)
    chief.groups.add(chief_group, officer_group, other)
    OldUser.objects.create(username="bandoc")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    unit = Unit.objects.get(code="01")  # the test's single unit, as units 0002 makes one of an old portal
    assert [(m.user.username, m.unit, m.role.name) for m in Membership.objects.all()] == [
        ("truongban", unit, roles.EDITOR_IN_CHIEF.group_name)
    ]
    chief = Membership.objects.get().user
    assert list(chief.groups.values_list("name", flat=True)) == ["Nhóm riêng"]
    roles.sync_roles()
    assert chief.has_perm("articles.publish_article")
