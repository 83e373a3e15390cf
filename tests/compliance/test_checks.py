"""The compliance check: a unit that lacks items gets the right findings; the demo's units are clean."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Membership
from accounts.roles import EDITOR_IN_CHIEF, PRESS_OFFICER, sync_roles
from compliance import checks
from tests.articles.factories import make_article
from tests.conftest import log_in_with_second_factor
from units.models import Unit
from website.demo import COMMUNES, PROVINCE
from website.models import Page, SiteSettings

pytestmark = pytest.mark.django_db


def by_key(findings):
    return {finding.key: finding for finding in findings}


def test_a_bare_unit_gets_each_missing_item(unit):
    findings = by_key(checks.check_unit(unit))
    assert findings["footer"].status == checks.MISSING
    assert "trưởng Ban Biên tập" in findings["footer"].detail
    assert findings["disclosure:documents"].status == checks.MISSING
    assert findings["disclosure:budget"].status == checks.MISSING
    assert findings["disclosure:profile"].status == checks.MISSING
    assert findings["measurement"].status == checks.MISSING
    assert findings["rating"].status == checks.MISSING  # no page to rate
    assert findings["disclosure:questions"].status == checks.MISSING
    assert findings["disclosure:procedures"].status == checks.MISSING
    # The shell itself: sitemap and English work on any unit.
    assert findings["sitemap"].status == checks.OK
    assert findings["english"].status == checks.OK


def test_dublin_core_is_read_from_the_rendered_page(unit, settings):
    article = make_article("Hội nghị tổng kết năm", author="Thanh Tâm")
    Page.objects.create(unit=unit, slug="gioi-thieu", title="Giới thiệu", body="<p>Xã Hòa Bình.</p>")
    findings = by_key(checks.check_unit(unit))
    assert findings["dc:article"].status == checks.OK, findings["dc:article"].detail
    assert findings["dc:article"].url == article.get_absolute_url()
    assert findings["dc:page"].status == checks.OK, findings["dc:page"].detail
    assert findings["rating"].status == checks.OK


def test_a_template_without_dublin_core_is_found(unit, settings, tmp_path):
    make_article("Tin không có siêu dữ liệu")
    override = tmp_path / "templates" / "articles"
    override.mkdir(parents=True)
    (override / "article_detail.html").write_text(
        '{% extends "base.html" %}{% block dublin_core %}<meta name="DC.title" content="x">{% endblock dublin_core %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}]
    finding = by_key(checks.check_unit(unit))["dc:article"]
    assert finding.status == checks.MISSING
    assert "DC.creator" in finding.detail and "DC.title" not in finding.detail


def test_the_command_fails_on_a_missing_item_and_names_it(unit):
    out = io.StringIO()
    with pytest.raises(CommandError, match="còn thiếu"):
        call_command("check_compliance", unit=unit.code, stdout=out)
    assert "Còn thiếu: Mã đo lường" in out.getvalue()
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("check_compliance", unit="nope", stdout=out)


@pytest.fixture
def demo(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    call_command("seed_demo", stdout=io.StringIO())


def test_the_demos_units_are_clean_but_for_the_measurement_id(demo):
    """The demo cannot have a measurement ID (the national platform issues it, and the demo loads nothing
    from outside): that is its one failure; every item has its content and every page its tags."""
    for spec in (PROVINCE, *COMMUNES):
        unit = Unit.objects.get(code=spec.code)
        findings = checks.check_unit(unit)
        failing = {f.key: f.detail for f in findings if f.failing}
        assert set(failing) == {"measurement"}, (spec.key, failing)


def test_with_its_measurement_id_a_demo_commune_passes_the_command(demo):
    commune = Unit.objects.get(code=COMMUNES[0].code)
    SiteSettings.objects.filter(unit=commune).update(measurement_site_id="12345")
    out = io.StringIO()
    call_command("check_compliance", unit=commune.code, stdout=out)
    assert "đủ các mục" in out.getvalue()


def test_the_admin_page_is_for_the_editor_in_chief_not_a_press_officer(client, unit, django_user_model):
    sync_roles()
    chief = django_user_model.objects.create_user("truongban", password="x", is_staff=True)
    Membership.objects.grant(user=chief, unit=unit, role=EDITOR_IN_CHIEF)
    writer = django_user_model.objects.create_user("bientap", password="x", is_staff=True)
    Membership.objects.grant(user=writer, unit=unit, role=PRESS_OFFICER)

    log_in_with_second_factor(client, chief)
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("compliance-check") in index
    page = client.get(reverse("compliance-check"))
    assert page.status_code == 200
    assert "Kiểm tra tuân thủ" in page.content.decode()
    assert "Mã đo lường" in page.content.decode()

    log_in_with_second_factor(client, writer)
    assert reverse("compliance-check") not in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse("compliance-check")).status_code == 403
