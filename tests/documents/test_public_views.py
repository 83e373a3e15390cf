"""The public document pages: list, filters, search, the document page, RSS, open data, isolation, budgets."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from articles.models import Article
from documents.models import Document, DocumentFile, Relation, Validity
from tests.articles.factories import make_article
from tests.documents.public_factories import bulk_documents, doc_type, field, make_document
from units.models import Unit

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def other_unit(db):
    return Unit.objects.create(
        code="02", name="Ủy ban nhân dân xã Đông Tiến", short_name="Xã Đông Tiến", host="dongtien.example"
    )


@pytest.fixture
def market_fee(unit):
    return make_document(
        unit,
        number="15/2026/QĐ-UBND",
        summary="Về việc ban hành quy định quản lý chợ",
        file_text="Điều 1. Quy định thu phí chợ trên địa bàn xã",
        signer="Nguyễn Văn An",
        signer_position="Chủ tịch",
        issued_on=datetime.date(2026, 3, 2),
        effective_on=datetime.date(2026, 3, 15),
        is_normative=True,
        fields=[field("Công thương")],
    )


def test_the_list_shows_the_units_published_documents_newest_first(client, unit, other_unit):
    old = make_document(unit, number="1/2020/QĐ-UBND", issued_on=datetime.date(2020, 1, 1))
    new = make_document(unit, number="9/2026/QĐ-UBND", issued_on=datetime.date(2026, 6, 1))
    make_document(unit, number="7/2026/NQ-HĐND", is_published=False)
    make_document(other_unit, number="3/2026/QĐ-UBND")
    response = client.get("/van-ban/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index(new.number) < body.index(old.number)
    assert "7/2026/NQ-HĐND" not in body
    assert "3/2026/QĐ-UBND" not in body
    assert '<link rel="alternate" type="application/rss+xml"' in body
    assert "X-Robots-Tag" not in response.headers


def test_another_units_document_is_a_404_here(client, other_unit):
    document = make_document(other_unit, number="3/2026/QĐ-UBND")
    assert client.get(document.get_absolute_url()).status_code == 404


def test_an_internal_document_is_a_404(client, unit):
    document = make_document(unit, is_published=False)
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_citizen_finds_a_decision_by_an_unaccented_phrase_from_its_file(client, unit, market_fee):
    make_document(unit, summary="Về việc tổ chức hội nghị")
    response = client.get("/van-ban/tim-kiem/", {"q": "quy dinh thu phi cho"})
    body = response.content.decode()
    assert market_fee.number in body
    assert "hội nghị" not in body
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in body
    assert "Disallow: /van-ban/tim-kiem/" in client.get("/robots.txt").content.decode()


def test_search_matches_the_number_and_accented_words_too(client, unit, market_fee):
    assert market_fee.number in client.get("/van-ban/tim-kiem/", {"q": "15/2026/QĐ"}).content.decode()
    assert market_fee.number in client.get("/van-ban/tim-kiem/", {"q": "QUẢN LÝ CHỢ"}).content.decode()
    assert "Không tìm thấy văn bản" in client.get("/van-ban/tim-kiem/", {"q": "xay dung cau"}).content.decode()


def test_filters_by_type_field_issuer_and_year(client, unit, market_fee):
    plan = make_document(
        unit,
        number="20/KH-UBND",
        doc_type=doc_type("Kế hoạch"),
        issuer="Hội đồng nhân dân xã Hòa Bình",
        issued_on=datetime.date(2025, 5, 5),
        fields=[field("Giáo dục")],
    )
    cases = [
        ({"type": plan.doc_type.slug}, plan, market_fee),
        ({"field": "cong-thuong"}, market_fee, plan),
        ({"issuer": "Hội đồng nhân dân xã Hòa Bình"}, plan, market_fee),
        ({"year": 2026}, market_fee, plan),
    ]
    for params, shown, hidden in cases:
        body = client.get("/van-ban/", params).content.decode()
        assert shown.number in body, params
        assert hidden.number not in body, params


def test_a_bad_filter_value_is_reported_not_a_server_error(client, unit, market_fee):
    response = client.get("/van-ban/", {"year": "99999", "type": "khong-co"})
    assert response.status_code == 200
    assert market_fee.number in response.content.decode()
    assert "Không có loại văn bản này." in response.content.decode()


def test_the_validity_filter_follows_dates_and_relations(client, unit):
    in_force = make_document(unit, number="1/QĐ", effective_on=TODAY - datetime.timedelta(days=10))
    replaced = make_document(unit, number="2/QĐ", effective_on=TODAY - datetime.timedelta(days=100))
    later = make_document(unit, number="3/QĐ", effective_on=TODAY + datetime.timedelta(days=30))
    replacing = make_document(unit, number="4/QĐ", effective_on=TODAY - datetime.timedelta(days=1))
    Relation.objects.create(source=replacing, kind=Relation.Kind.REPLACES, target=replaced)

    def numbers(validity):
        body = client.get("/van-ban/", {"validity": validity}).content.decode()
        return {d.number for d in (in_force, replaced, later, replacing) if f">{d.number}<" in body}

    assert numbers(Validity.IN_FORCE) == {"1/QĐ", "4/QĐ"}
    assert numbers(Validity.EXPIRED) == {"2/QĐ"}
    assert numbers(Validity.NOT_YET) == {"3/QĐ"}


def test_the_document_page_shows_its_metadata_files_relations_and_news(client, unit, market_fee, other_unit):
    document_file = DocumentFile(document=market_fee, title="Quyết định 15 (bản ký số)", size=245_760)
    document_file.file.save("qd15.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    old = make_document(unit, number="5/2020/QĐ-UBND", summary="Quy định cũ về chợ")
    Relation.objects.create(source=market_fee, kind=Relation.Kind.REPLACES, target=old)
    hidden = make_document(unit, number="6/2026/QĐ-UBND", is_published=False)
    Relation.objects.create(source=hidden, kind=Relation.Kind.AMENDS, target=market_fee)
    news = make_article("Xã Hòa Bình công bố quy định thu phí chợ")
    draft = make_article("Bản nháp về chợ", status=Article.Status.DRAFT)
    market_fee.articles.set([news, draft])

    response = client.get(market_fee.get_absolute_url())
    body = response.content.decode()
    assert '<th scope="row">Số, ký hiệu</th><td>15/2026/QĐ-UBND</td>' in body
    assert "<caption>Thông tin văn bản</caption>" in body
    assert "Nguyễn Văn An (Chủ tịch)" in body
    assert "02/03/2026" in body and "15/03/2026" in body
    assert "Công thương" in body
    assert "240,0\xa0KB" in body or "240.0\xa0KB" in body
    assert document_file.download_url in body
    assert "Thay thế" in body and old.number in body
    assert hidden.number not in body  # an internal document's relation is not shown
    assert news.title in body and draft.title not in body
    assert '<meta name="DC.identifier" content="15/2026/QĐ-UBND">' in body
    assert '<meta name="DC.date.issued" content="2026-03-02">' in body
    assert '<meta name="DC.language" content="vi">' in body
    assert '<meta name="DC.subject" content="Công thương">' in body
    assert client.get(document_file.download_url).status_code == 200

    old_page = client.get(old.get_absolute_url()).content.decode()
    assert "Được thay thế bởi" in old_page and market_fee.number in old_page
    assert "Hết hiệu lực" in old_page


def test_the_file_of_an_internal_document_is_not_downloadable(client, unit):
    document = make_document(unit, is_published=False)
    document_file = DocumentFile(document=document)
    document_file.file.save("noi-bo.pdf", ContentFile(b"%PDF-1.4"), save=True)
    assert client.get(document_file.download_url).status_code == 404


def test_the_feed_lists_the_units_newest_documents(client, unit, other_unit, market_fee):
    make_document(other_unit, number="3/2026/QĐ-UBND")
    body = client.get("/van-ban/rss/").content.decode()
    assert "<rss" in body and market_fee.number in body
    assert "3/2026/QĐ-UBND" not in body


def test_the_json_open_data_has_the_same_filters(client, unit, other_unit, market_fee):
    make_document(unit, number="8/KH-UBND", doc_type=doc_type("Kế hoạch"))
    make_document(other_unit, number="3/2026/QĐ-UBND")
    data = client.get("/van-ban/du-lieu.json", {"q": "thu phi cho"}).json()
    assert data["count"] == 1
    row = data["results"][0]
    assert row["number"] == "15/2026/QĐ-UBND"
    assert row["issued_on"] == "2026-03-02"
    assert row["fields"] == ["Công thương"]
    assert row["url"] == f"http://testserver{market_fee.get_absolute_url()}"
    everything = client.get("/van-ban/du-lieu.json").json()
    assert {r["number"] for r in everything["results"]} == {"15/2026/QĐ-UBND", "8/KH-UBND"}


def test_the_json_is_paginated(client, unit):
    bulk_documents(unit, 130)
    first = client.get("/van-ban/du-lieu.json").json()
    assert first["count"] == 130 and len(first["results"]) == 100 and first["num_pages"] == 2
    second = client.get(first["next"].removeprefix("http://testserver")).json()
    assert len(second["results"]) == 30 and second["next"] is None
    assert client.get("/van-ban/du-lieu.json", {"page": 9}).status_code == 404


def test_the_csv_is_utf8_with_a_bom_for_excel(client, unit, market_fee):
    response = client.get("/van-ban/du-lieu.csv", {"type": market_fee.doc_type.slug})
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["Số, ký hiệu", "Loại văn bản", "Cơ quan ban hành"]
    assert rows[1][0] == "15/2026/QĐ-UBND"
    assert "02/03/2026" in rows[1]
    assert "Có" in rows[1]  # văn bản QPPL


def test_the_sitemap_lists_published_documents(client, unit, market_fee):
    hidden = make_document(unit, is_published=False)
    body = client.get("/sitemap-van-ban.xml").content.decode()
    assert market_fee.get_absolute_url() in body
    assert hidden.get_absolute_url() not in body


PAGES = [
    "/van-ban/",
    "/van-ban/tim-kiem/?q=du+toan",
    "/van-ban/?field=tai-chinh&year=2021",
    "/van-ban/rss/",
    "/van-ban/du-lieu.json",
    "/van-ban/du-lieu.csv",
    "/van-ban/du-lieu.json?q=phe+duyet&validity=con-hieu-luc",
]


# Measured with the page cache off and every fragment cold: the page's own cost, as in tests/meetings.
LIST_BUDGET = 15
PAGE_BUDGET = 17


def measured_get(client, address, budget, assert_max):
    client.get(address)  # the site settings and content types exist, as in production
    cache.clear()
    with assert_max(budget):
        response = client.get(address)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize("address", PAGES)
def test_query_budget_of_the_public_pages(client, settings, unit, count, address, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_documents(unit, count, with_field=field("Tài chính"))
    measured_get(client, address, LIST_BUDGET, django_assert_max_num_queries)


@pytest.mark.parametrize("count", [5, 500])
def test_query_budget_of_the_document_page(client, settings, unit, market_fee, count, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    bulk_documents(unit, count)
    for document in Document.objects.exclude(pk=market_fee.pk)[:20]:
        Relation.objects.create(source=market_fee, kind=Relation.Kind.GUIDES, target=document)
        Relation.objects.create(source=document, kind=Relation.Kind.AMENDS, target=market_fee)
    market_fee.articles.set([make_article() for _ in range(5)])
    measured_get(client, market_fee.get_absolute_url(), PAGE_BUDGET, django_assert_max_num_queries)


def test_the_detail_names_the_public_meetings_the_document_was_a_paper_of(client, unit):
    from meetings.models import MeetingDocument
    from tests.meetings.factories import make_meeting

    minutes = make_document(unit, number="05/BB-UBND", summary="Biên bản phiên họp tháng 11")
    session = make_meeting("Phiên họp thường kỳ tháng 11")
    internal = make_meeting("Họp giao ban nội bộ", is_public=False)
    for meeting in (session, internal):
        MeetingDocument.objects.create(meeting=meeting, document=minutes, kind=MeetingDocument.Kind.MINUTES)
    page = client.get(minutes.get_absolute_url()).content.decode()
    assert "Cuộc họp có văn bản này" in page and session.get_absolute_url() in page
    assert "Họp giao ban nội bộ" not in page


def test_an_issued_document_links_back_to_its_consultation(client, unit):
    from tests.consultations.factories import make_consultation

    issued = make_document(unit, number="20/2026/QĐ-UBND", summary="Quy chế quản lý chợ")
    consultation = make_consultation(state="reported")
    consultation.issued_document = issued
    consultation.save()
    page = client.get(issued.get_absolute_url()).content.decode()
    assert consultation.get_absolute_url() in page
