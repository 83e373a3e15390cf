"""Vietnamese names in Vietnamese order: family name, middle name, given name."""

import pytest
from django.contrib.auth import get_user_model

from accounts.names import full_name, split_full_name
from tests.conftest import log_in_with_second_factor


def test_full_name_puts_the_family_name_first():
    user = get_user_model()(username="binh", first_name="Bình", last_name="Nguyễn Văn")
    assert full_name(user) == "Nguyễn Văn Bình"
    assert full_name(get_user_model()(username="binh")) == "binh"


def test_a_typed_full_name_splits_before_the_given_name():
    assert split_full_name(" Nguyễn  Văn Bình ") == ("Nguyễn Văn", "Bình")
    assert split_full_name("Bình") == ("", "Bình")


@pytest.mark.django_db
def test_the_account_list_and_form_use_vietnamese_order(admin_client):
    user = get_user_model().objects.create_user("binh", first_name="Bình", last_name="Nguyễn Văn", is_staff=True)
    listing = admin_client.get("/admin/auth/user/").content.decode()
    assert "Nguyễn Văn Bình" in listing and "Bình Nguyễn Văn" not in listing
    form = admin_client.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert form.index('name="last_name"') < form.index('name="first_name"')
    add = admin_client.get("/admin/auth/user/add/").content.decode()
    assert add.index('name="last_name"') < add.index('name="first_name"')


@pytest.mark.django_db
def test_the_trail_names_the_actor_in_vietnamese_order(client):
    from accounts import roles
    from accounts.models import AuditEvent
    from tests.accounts.conftest import make_staff

    roles.sync_roles()
    admin = make_staff("quantri", roles.ADMINISTRATOR)
    admin.first_name, admin.last_name = "Bình", "Nguyễn Văn"
    admin.save()
    log_in_with_second_factor(client, admin)
    AuditEvent.objects.create(actor=admin, actor_name="quantri", action=AuditEvent.Action.CHANGE)
    page = client.get("/admin/accounts/auditevent/").content.decode()
    assert "Nguyễn Văn Bình" in page
