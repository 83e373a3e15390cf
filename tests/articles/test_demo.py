"""The demo content: enough to show every feature, and loading it twice changes nothing."""

import pytest

from accounts import roles
from accounts.demo import seed_demo_accounts
from articles.demo import seed_articles
from articles.models import Article

pytestmark = pytest.mark.django_db


def test_seed_articles_is_idempotent_and_complete():
    roles.sync_roles()
    seed_demo_accounts()
    assert seed_articles()
    count = Article.objects.count()
    assert seed_articles() == []
    assert Article.objects.count() == count
    published = Article.objects.published()
    assert published.news().count() >= 20
    assert published.filter(image="").news().count() == 0
    assert not published.news().filter(image_alt="").exists()
    assert not published.news().filter(image_caption="").exists()
    assert not published.news().filter(image_thumb="").exists()
    assert Article.objects.current_announcements().filter(pinned=True).count() == 1
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.filter(status=Article.Status.PENDING).count() == 1
    assert Article.objects.filter(created_by__username="bientap").count() == count
    assert published.values("category").distinct().count() >= 5
