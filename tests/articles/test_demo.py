"""The demo content: enough to show every feature on each unit, and loading it twice changes nothing."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import roles
from accounts.demo import seed_demo_accounts
from articles import demo, demo_pictures
from articles.demo_calendar import publication_times
from articles.models import Article
from units.models import Unit

pytestmark = pytest.mark.django_db


def test_seed_articles_is_idempotent_and_complete(unit):
    roles.sync_roles()
    seed_demo_accounts()
    writer = get_user_model().objects.get(username="bientap")
    content = {
        "news": demo.PROVINCE_NEWS,
        "announcements": demo.PROVINCE_ANNOUNCEMENTS,
        "unpublished": demo.PROVINCE_UNPUBLISHED,
        "writer": writer,
    }
    assert demo.seed_articles(unit, **content)
    count = Article.objects.count()
    assert demo.seed_articles(unit, **content) == []
    assert Article.objects.count() == count
    published = Article.objects.of(unit).published()
    assert published.news().count() == len(demo.PROVINCE_NEWS)
    assert published.filter(image="").news().count() == 0
    assert not published.news().filter(image_alt="").exists()
    assert not published.news().filter(image_caption="").exists()
    assert not published.news().filter(image_thumb="").exists()
    assert Article.objects.of(unit).current_announcements().filter(pinned=True).count() == 1
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.filter(status=Article.Status.PENDING).count() == 1
    assert Article.objects.filter(created_by__username="bientap").count() == count
    assert published.values("category").distinct().count() >= 5


def test_the_archive_is_imported_once_with_its_dates_authors_and_views():
    archive = Unit.objects.create(
        code="990",
        name="UBND huyện Sông Lam (cũ)",
        short_name="Huyện Sông Lam (cũ)",
        level="huyen-cu",
        host="huyensonglam.localhost",
        archived=True,
    )
    report = demo.seed_archive(archive)
    assert report.created == len(demo.NEWS) and not report.errors
    assert demo.seed_archive(archive) is None
    first = Article.objects.of(archive).get(title=demo.NEWS[0][0])
    assert first.author == demo.NEWS[0][4] and first.view_count == 900
    published = timezone.localtime(first.published_at)
    assert "2025-06-20" <= published.date().isoformat() <= "2025-06-30" and published.weekday() < 5
    assert "(" not in first.body  # no caption of a picture the old portal's export did not keep


def test_every_demo_scene_is_drawn_the_same_each_time_and_is_small():
    for scene in demo_pictures.SCENES:
        picture = demo_pictures.picture(scene, "seed")
        assert picture == demo_pictures.picture(scene, "seed")
        assert picture[:3] == b"\xff\xd8\xff" and len(picture) < 60 * 1024
        assert demo_pictures.alt_text(scene).startswith("Hình vẽ ")


@pytest.mark.parametrize("day", range(1, 8))
def test_publication_times_are_past_working_hours_of_working_days(day):
    now = timezone.make_aware(datetime.datetime(2026, 6, day, 9, 0))  # 1 June 2026 is a Monday
    moments = publication_times(12, seed="x", now=now)
    assert moments == sorted(moments, reverse=True) and moments[0] < now
    assert publication_times(12, seed="x", now=now) == moments
    for moment in map(timezone.localtime, moments):
        assert moment.weekday() < 5 and datetime.time(7, 30) <= moment.time() <= datetime.time(17)
    assert len({moment.time() for moment in moments}) > 6
