"""`seed_demo`: the demo district a new user sees after `make run`, idempotent, with working accounts."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.roles import ROLES
from articles.models import Article, Category
from website.models import MenuItem, Page, SiteSettings

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def printed_accounts(output):
    """(role, username, password) for each line that `seed_demo` prints under its heading."""
    accounts_part = output.split("/admin/", 1)[1]
    return re.findall(r"^\s+(\S.*?)\s{2,}(\S+)\s+(\S+)$", accounts_part, re.MULTILINE)


def test_demo_content_is_a_whole_district():
    seed()
    site = SiteSettings.objects.select_related("unit").get(unit__code="DEMO")
    assert "Sông Lam" in site.unit.name and site.featured_category is not None
    assert Category.objects.count() >= 5
    news = Article.objects.published().news()
    assert news.count() >= 20
    assert news.exclude(image="").exclude(image_alt="").count() >= 20
    assert news.values("category").distinct().count() >= 4
    assert Article.objects.published().announcements().count() >= 3
    assert Page.objects.filter(slug="kha-nang-tiep-can").exists()
    assert MenuItem.objects.count() >= 6


def test_running_it_twice_changes_nothing():
    seed()
    before = row_counts()
    articles = list(Article.objects.values_list("slug", "title", "published_at", "image"))
    seed()
    assert row_counts() == before
    assert list(Article.objects.values_list("slug", "title", "published_at", "image")) == articles


def test_printed_accounts_log_in_to_the_admin(client):
    output = seed()
    accounts = printed_accounts(output)
    assert {role for role, _username, _password in accounts} == {role.group_name for role in ROLES}
    assert "Xác thực hai bước bắt buộc với: quantri" in output and "quét bằng ứng dụng xác thực" in output
    for _role, username, password in accounts:
        response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
        assert response.status_code == 302, f"{username} could not log in"
        admin = client.get("/admin/")
        if username == "quantri":  # the administrator enrols a second factor first
            assert admin["Location"].startswith("/admin/xac-thuc/dang-ky/")
        else:
            assert admin.status_code == 200
        client.logout()
