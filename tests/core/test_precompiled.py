"""Queries compiled once (core/precompiled.py): the same instances as the ORM, planned once per connection."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from core.precompiled import PrecompiledQuery
from tests.articles.factories import make_article

pytestmark = pytest.mark.django_db
SAMPLE_SLUG = "\x00slug\x00"


def require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are a PostgreSQL feature; CI runs this test there")


def test_the_article_page_query_gives_what_the_orm_gives():
    article = make_article("Họp giao ban tháng 11", author="Thanh Tâm")
    expected = Article.objects.published().for_page().get(slug=article.slug)

    found = Article.objects.public_page(article.slug)

    assert found.pk == article.pk and found._state.db == "default" and not found._state.adding
    assert (found.title, found.author, found.body, found.published_at) == (
        expected.title,
        expected.author,
        expected.body,
        expected.published_at,
    )
    assert found.get_deferred_fields() == expected.get_deferred_fields() == {"search_text", "search_title"}
    flags = ("has_attachments", "has_related", "has_comments", "has_meetings")
    assert [getattr(found, flag) for flag in flags] == [getattr(expected, flag) for flag in flags]


def test_drafts_scheduled_and_unknown_articles_are_not_found():
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(hours=2))

    assert Article.objects.public_page(draft.slug) is None
    assert Article.objects.public_page(scheduled.slug) is None
    assert Article.objects.public_page("khong-co-tin-nay") is None


def test_a_literal_percent_sign_in_the_sql_survives():
    require_postgresql()
    # ``contains`` against another column compiles to LIKE '%%' || … || '%%': percent signs in the SQL itself.
    query = PrecompiledQuery(
        lambda slug: Article.objects.filter(lead__contains=F("title"), slug=slug), slug=SAMPLE_SLUG
    )
    matching = make_article("Điện", lead="Lịch cắt Điện tuần này")
    other = make_article("Nước", lead="Lịch cắt điện tuần này")

    assert query.first(slug=matching.slug) == matching
    assert query.first(slug=other.slug) is None


def test_a_sample_must_appear_exactly_once_among_the_parameters():
    require_postgresql()
    query = PrecompiledQuery(lambda slug: Article.objects.filter(slug=slug, title=slug), slug=SAMPLE_SLUG)

    with pytest.raises(ValueError, match="occurs 2 times"):
        query.first(slug="x")


def test_postgresql_plans_the_query_once_per_connection():
    require_postgresql()
    article = make_article()

    with CaptureQueriesContext(connection) as first_time:
        assert Article.objects.public_page(article.slug) == article
    with CaptureQueriesContext(connection) as next_times:
        assert Article.objects.public_page(article.slug) == article
        assert Article.objects.public_page("khong-co-tin-nay") is None

    statements = [query["sql"].split()[0] for query in first_time.captured_queries + next_times.captured_queries]
    assert statements in (["PREPARE", "EXECUTE", "EXECUTE", "EXECUTE"], ["EXECUTE", "EXECUTE", "EXECUTE"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'portal_%%'")
        assert cursor.fetchone()[0] >= 1


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_the_statement_again():
    require_postgresql()
    article = make_article()
    assert Article.objects.public_page(article.slug) == article

    connection.close()  # as after CONN_MAX_AGE, or when PostgreSQL was restarted

    with CaptureQueriesContext(connection) as queries:
        assert Article.objects.public_page(article.slug) == article
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["PREPARE", "EXECUTE"]


@pytest.mark.django_db(transaction=True)
def test_a_statement_the_session_lost_is_prepared_again():
    require_postgresql()
    article = make_article()
    assert Article.objects.public_page(article.slug) == article
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a connection pooler's DISCARD ALL does

    assert Article.objects.public_page(article.slug) == article


@pytest.mark.django_db(transaction=True)
def test_a_migration_that_changes_a_column_does_not_break_the_page():
    require_postgresql()
    article = make_article(author="Thanh Tâm")
    assert Article.objects.public_page(article.slug) == article
    with connection.cursor() as cursor:  # run by `migrate` while the portal serves
        cursor.execute("ALTER TABLE articles_article ALTER COLUMN author TYPE text")
    try:
        assert Article.objects.public_page(article.slug).author == "Thanh Tâm"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE articles_article ALTER COLUMN author TYPE varchar(150)")
