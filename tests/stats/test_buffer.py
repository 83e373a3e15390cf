"""Redis buffering: no database write per page, a flush that is atomic, loses nothing and never repeats."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from stats import buffer, services
from stats.models import AddingQuerySet, ArticleDailyViews, DailyStats, FlushedBatch, Visitor
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA, read

pytestmark = pytest.mark.django_db(transaction=True)


def visits_today():
    return DailyStats.objects.filter(day=timezone.localdate()).values_list("visits", flat=True).first() or 0


def browse(client, article, visitors=3, reloads=2):
    for number in range(visitors):
        for _ in range(reloads):
            read(client, "/", HTTP_USER_AGENT=f"{BROWSER_UA} {number}")
            read(client, article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER_UA} {number}")


def test_counting_writes_nothing_to_the_database(client, redis_buffer, unit):
    article = make_article()
    buffer.client().set(buffer.FLUSH_DUE, "1")  # no flush is due during this test
    read(client, "/", HTTP_USER_AGENT=BROWSER_UA)  # the day's salt is read once
    with CaptureQueriesContext(connection) as queries:
        browse(client, article)
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    # The article's live total was seeded once from the database, and moved in Redis since.
    _, answer = read(client, article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER_UA} new")
    assert answer["views"] == 4
    assert visits_today() == 0
    assert not Visitor.objects.exists()
    figures = services.compute_figures(unit)  # flushes first
    assert figures["today"] == 5  # three visitors, the first one and the new one
    assert figures["online"] == 5
    assert Article.objects.get(pk=article.pk).view_count == 4
    assert ArticleDailyViews.objects.get(article_id=article.pk).views == 4


def test_a_batch_applied_but_not_deleted_is_never_applied_twice(client, redis_buffer, monkeypatch):
    article = make_article()
    buffer.client().set(buffer.FLUSH_DUE, "1")
    browse(client, article)
    # The flusher dies after the commit, before deleting the processing hash.
    monkeypatch.setattr(buffer, "_release", lambda batch: None)
    assert buffer.flush() == 1
    assert buffer.client().exists(buffer.PROCESSING)
    monkeypatch.undo()
    assert buffer.flush() == 0  # the batch is recognised and only deleted
    assert not buffer.client().exists(buffer.PROCESSING)
    assert visits_today() == 3
    assert Article.objects.get(pk=article.pk).view_count == 3
    assert FlushedBatch.objects.count() == 1


def test_a_flush_that_fails_midway_loses_nothing(client, redis_buffer, monkeypatch):
    article = make_article()
    buffer.client().set(buffer.FLUSH_DUE, "1")
    browse(client, article)
    calls = []

    def failing_increment(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("database went away")

    monkeypatch.setattr(AddingQuerySet, "add", failing_increment)
    with pytest.raises(RuntimeError):
        buffer.flush()
    monkeypatch.undo()
    assert visits_today() == 0 and not FlushedBatch.objects.exists()  # rolled back whole
    browse(client, article, visitors=5, reloads=1)  # pages keep being counted meanwhile
    buffer.flush()
    assert visits_today() == 5
    assert Article.objects.get(pk=article.pk).view_count == 5
    assert not buffer.client().exists(buffer.PROCESSING)
    assert not buffer.client().exists(buffer.PENDING)


def test_the_thirty_minute_rule_holds_in_redis(rf, redis_buffer, unit):
    article = make_article()
    request = rf.get("/", HTTP_USER_AGENT=BROWSER_UA)
    now = timezone.now()
    services.count_view(request, unit=unit, article=article.pk, now=now)
    services.count_view(request, unit=unit, article=article.pk, now=now)
    reader = services.Reader.of(request, unit_id=unit.pk, day=timezone.localdate(now))
    buffer.client().delete(f"stats:seen:{unit.pk}:{reader.visitor}:{article.pk}")
    services.count_view(request, unit=unit, article=article.pk, now=now)  # as when the 30 minutes have passed
    buffer.flush()
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_snapshot_flushes_first(client, redis_buffer):
    import json
    from io import StringIO

    from django.core.management import call_command

    article = make_article()
    buffer.client().set(buffer.FLUSH_DUE, "1")
    browse(client, article, visitors=2, reloads=1)
    out = StringIO()
    call_command("stats_snapshot", "--article", article.slug, stdout=out)
    assert json.loads(out.getvalue()) == {"views": 2}


def test_the_box_still_shows_when_redis_is_down(settings, unit):
    from stats.models import DailyStats

    DailyStats.objects.create(day=timezone.localdate(), visits=7)
    settings.STATS_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    figures = services.compute_figures(unit)
    assert figures["today"] == 7


def test_a_page_is_served_when_redis_is_down(client, settings):
    settings.STATS_REDIS_URL = "redis://127.0.0.1:1/0"
    assert client.get("/", HTTP_USER_AGENT=BROWSER_UA).status_code == 200


def test_one_page_every_thirty_seconds_moves_the_buffer_to_the_database(client, redis_buffer):
    article = make_article()
    buffer.client().set(buffer.FLUSH_DUE, "1")
    browse(client, article)  # counted in Redis only: a flush was done moments ago
    assert visits_today() == 0
    buffer.client().delete(buffer.FLUSH_DUE)  # thirty seconds later
    read(client, "/", HTTP_USER_AGENT=f"{BROWSER_UA} late")
    # The page that found the flush due moved every count (its own too) to the database.
    assert visits_today() == 4
    assert Article.objects.get(pk=article.pk).view_count == 3
    assert buffer.client().ttl(buffer.FLUSH_DUE) > 0


def test_counting_goes_on_after_redis_closed_the_connection(rf, redis_buffer, unit):
    article = make_article()
    first, second = (rf.get("/", HTTP_USER_AGENT=f"{BROWSER_UA} {number}") for number in (1, 2))
    services.count_view(first, unit=unit, article=article.pk)
    # Redis drops every client connection, as when it restarts: the counting connection must reconnect.
    buffer.client().client_kill_filter(_type="normal", skipme=True)

    services.count_view(second, unit=unit, article=article.pk)

    assert buffer.enabled() and not Visitor.objects.exists()  # counted in Redis, not in the fallback
    buffer.flush()
    assert visits_today() == 2
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_counting_goes_on_after_redis_forgot_the_script(rf, redis_buffer, unit):
    services.count_view(rf.get("/", HTTP_USER_AGENT=BROWSER_UA), unit=unit)
    buffer.client().script_flush()  # as after a restart of Redis

    services.count_view(rf.get("/", HTTP_USER_AGENT=f"{BROWSER_UA} other"), unit=unit)

    assert buffer.enabled() and not Visitor.objects.exists()
    buffer.flush()
    assert visits_today() == 2


def test_one_address_brings_a_bounded_number_of_visitors_in_redis(client, redis_buffer, settings):
    settings.STATS_VISITORS_PER_ADDRESS = 3
    article = make_article()
    for number in range(20):
        read(client, article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER_UA} rotating/{number}")
    buffer.flush()
    assert visits_today() == 4
    assert Article.objects.get(pk=article.pk).view_count == 4
