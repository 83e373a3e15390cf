"""The demo content: enough to show every feature on each unit, and loading it twice changes nothing."""

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from accounts.demo import seed_demo_accounts
from articles import demo
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
    assert first.author == demo.NEWS[0][6] and first.view_count == 900
    assert first.published_at.date().isoformat() == "2025-06-28"
