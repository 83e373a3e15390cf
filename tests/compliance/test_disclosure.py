"""/cong-khai/: the list of information a unit must disclose, generated from its content."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compliance import registry
from documents.disclosure import BUDGET, PLANS
from procedures.demo import seed_procedures
from tests.documents.public_factories import doc_type, make_document
from units.models import Unit
from website.models import Page

pytestmark = pytest.mark.django_db


def test_an_item_links_to_its_documents_with_their_last_update(client, unit):
    plan = make_document(unit, doc_type=doc_type(PLANS.type_names[0]), summary="Kế hoạch cải cách hành chính")
    response = client.get(reverse("compliance:list"))
    body = response.content.decode()
    assert "Danh mục thông tin phải công khai" in body
    item = body[body.index('id="plans"') :]
    item = item[: item.index("</li>")]
    assert f"?type={plan.doc_type.slug}" in item
    assert plan.updated_at.strftime("%d/%m/%Y") in item
    # Nothing of the budget yet: said, not hidden.
    budget = body[body.index('id="budget"') :]
    assert "Chưa có nội dung" in budget[: budget.index("</li>")]


def item_of(body, key):
    item = body[body.index(f'id="{key}"') :]
    return item[: item.index("</li>")]


def test_questions_procedures_and_consultations_are_listed_from_their_own_sections(client, unit):
    body = client.get(reverse("compliance:list")).content.decode()
    for key in ("questions", "procedures", "consultations"):
        assert "Chưa có nội dung" in item_of(body, key)
    seed_procedures(unit, province=False)
    body = client.get(reverse("compliance:list")).content.decode()
    assert 'href="/thu-tuc-hanh-chinh/"' in item_of(body, "procedures")


def test_a_commune_lists_the_grassroots_democracy_items_and_a_province_does_not(unit):
    province = Unit.objects.create(
        code="02", name="UBND tỉnh", short_name="Tỉnh", level=Unit.Level.PROVINCE, host="t.x"
    )
    unit.level = Unit.Level.COMMUNE
    assert "social-support" in {item.key for item in registry.items_for(unit)}
    assert "social-support" not in {item.key for item in registry.items_for(province)}


def test_another_units_documents_do_not_count(unit):
    other = Unit.objects.create(code="03", name="UBND xã Khác", short_name="Xã Khác", host="khac.example")
    make_document(other, doc_type=doc_type(BUDGET.type_names[0]))
    presence = registry.documents_of_kind(BUDGET)(unit)
    assert presence.status == registry.MISSING


def test_a_yearly_item_older_than_a_year_is_out_of_date(unit):
    item = next(item for item in registry.ITEMS if item.key == "budget")
    old = registry.Presence(registry.PRESENT, updated=datetime.date(2020, 1, 1))
    assert item.is_stale(old, today=datetime.date(2026, 6, 1))
    assert not item.is_stale(registry.Presence(registry.PRESENT, updated=datetime.date(2026, 1, 1)),
                             today=datetime.date(2026, 6, 1))  # fmt: skip


def test_the_page_costs_the_same_queries_as_content_grows(client, unit):
    """A query or two per item, whatever the number of documents: the budget holds as data grows."""
    Page.objects.create(unit=unit, slug="gioi-thieu", title="Giới thiệu")
    make_document(unit, doc_type=doc_type(PLANS.type_names[0]))

    def queries():
        caches["default"].clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("compliance:list")).status_code == 200
        return len(captured)

    queries()  # what a process keeps past a cache clear (the unit of the host) is read once
    few = queries()
    assert few <= 2 * len(registry.ITEMS) + 10
    for n in range(30):
        make_document(unit, doc_type=doc_type(PLANS.type_names[0] if n % 2 else BUDGET.type_names[0]))
    assert queries() == few
