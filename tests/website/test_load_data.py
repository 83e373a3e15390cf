"""generate_load_data fills a benchmark database with content the public pages can show."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from meetings.models import Meeting
from stats.models import DailyStats
from website.management.commands.generate_load_data import realistic_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _unit_hosts(settings):
    """The generated units answer at ``*.tinhthu.localhost``."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]


def at(unit):
    return {"headers": {"host": unit.host}}


def test_generates_articles_meetings_and_visits_that_pages_show(client):
    out = io.StringIO()
    call_command("generate_load_data", articles=250, meetings=12, visits=50_000, batch=100, stdout=out)
    assert Article.objects.count() == 250
    published = Article.objects.published()
    assert 200 < published.count() < 250
    assert Meeting.objects.count() == 12 and Meeting.objects.first().attendees.count() == 8
    assert Meeting.objects.first().chair is not None
    assert 45_000 <= sum(DailyStats.objects.values_list("visits", flat=True)) <= 50_000
    article = published.first()
    assert client.get(article.get_absolute_url(), **at(article.unit)).status_code == 200
    assert client.get("/tim-kiem/", {"q": "nong thon moi"}, **at(article.unit)).status_code == 200
    meeting = Meeting.objects.first()
    assert client.get(meeting.get_absolute_url(), **at(meeting.unit)).status_code == 200
    assert "Đã sinh 250 tin bài" in out.getvalue()


def test_running_it_again_adds_more_without_collisions():
    call_command("generate_load_data", articles=30, meetings=3, visits=100, stdout=io.StringIO())
    call_command("generate_load_data", articles=30, meetings=3, visits=100, stdout=io.StringIO())
    assert Article.objects.count() == 60 and Meeting.objects.count() == 6


def test_days_sets_how_much_history_the_data_spans():
    from django.utils import timezone

    call_command("generate_load_data", articles=60, meetings=10, visits=1000, days=18, stdout=io.StringIO())
    now = timezone.now()
    oldest = Article.objects.order_by("published_at").first().published_at
    assert now - oldest <= timezone.timedelta(days=18)
    # Meetings run to a little ahead of today: 30 days for five years, so about 7 hours for 18 days.
    latest = Meeting.objects.order_by("-starts_at").first().starts_at
    assert latest - now <= timezone.timedelta(hours=8)
    assert DailyStats.objects.count() == 18


def test_rows_are_stored_in_the_order_of_publication_as_a_real_archive_grows():
    call_command("generate_load_data", articles=50, meetings=10, visits=100, stdout=io.StringIO())
    published = list(Article.objects.order_by("pk").values_list("published_at", flat=True))
    assert published == sorted(published)
    starts = list(Meeting.objects.order_by("pk").values_list("starts_at", flat=True))
    assert starts == sorted(starts)


def test_articles_are_built_like_the_editors_with_picture_attachments_comments_related_and_meeting(client):
    call_command("generate_load_data", articles=80, meetings=40, visits=100, batch=30, stdout=io.StringIO())
    published = Article.objects.published().news()
    assert published.exclude(image="").count() > published.filter(image="").count() > 0
    article = realistic_article()
    page = client.get(article.get_absolute_url(), **at(article.unit)).content.decode()
    assert article.image_large.url in page and article.image_thumb.storage.exists(article.image_thumb.name)
    attachment = article.attachments.first()
    assert attachment.file.url in page and attachment.file.open("rb").read(5) == b"%PDF-"
    assert article.comments.approved().first().body in page
    assert article.comments.exclude(approved=True).count() <= 1
    assert article.meetings.first().title in page
    assert article.related.published().first().title in page
    # The pictures and documents are a handful of files shared by every article.
    assert Article.objects.exclude(image="").values("image").distinct().count() <= 6


def test_units_spreads_the_data_over_a_province_and_its_communes(client):
    from units.models import Unit

    call_command("generate_load_data", articles=200, meetings=20, visits=100, units=10, stdout=io.StringIO())
    province = Unit.objects.get(code="T0")
    communes = Unit.objects.filter(parent=province)
    assert province.is_province and communes.count() == 9
    for unit in (province, *communes):
        articles = Article.objects.of(unit)
        assert articles.count() == 20
        # Every kind of row in every unit, not one kind per unit (published news, announcements, drafts).
        assert articles.published().news().exists() and articles.announcements().exists()
        assert articles.filter(status=Article.Status.DRAFT).exists()
        assert all(article.category.unit == unit for article in articles.select_related("category"))
        assert Meeting.objects.of(unit).count() == 2
        assert {a.official.unit_id for a in Meeting.objects.of(unit).first().attendees.all()} == {unit.pk}
    commune = communes.get(code="T0.003")
    article = realistic_article(commune) or Article.objects.of(commune).published().first()
    assert client.get(article.get_absolute_url(), **at(commune)).status_code == 200
    assert client.get(article.get_absolute_url(), **at(province)).status_code == 404
    assert "Xã Thử Nghiệm 3" in client.get("/", **at(commune)).content.decode()
    # Run again: the same units, more content.
    call_command("generate_load_data", articles=100, meetings=0, visits=0, units=10, stdout=io.StringIO())
    assert Unit.objects.filter(code__startswith="T0").count() == 10 and Article.objects.count() == 300
