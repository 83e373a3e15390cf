"""When a part fails: the database, Redis, the disk. The portal answers, loses nothing, recovers alone."""

import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.utils import timezone

from accounts import roles
from articles import services
from articles.models import Article
from core.breaker import redis_cache_settings
from stats.models import DailyStats
from tests.articles.conftest import _user
from tests.articles.factories import image_bytes, make_article, make_category
from tests.stats.conftest import read
from units import hosts

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
NOWHERE = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def reader(number=1):
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"198.51.100.{number}", raise_request_exception=False)


def _refuse(*args, **kwargs):
    """What every query meets while PostgreSQL is stopped."""
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def test_database_down_gives_the_maintenance_page_fast_and_cached_pages_still_work(monkeypatch):
    article = make_article("Thông báo lịch cắt điện")
    assert reader().get("/").status_code == 200  # now in the page cache
    with monkeypatch.context() as down:
        down.setattr(connection, "ensure_connection", _refuse)
        down.setattr(connection, "cursor", _refuse)
        started = time.monotonic()
        uncached = reader(2).get(article.get_absolute_url())
        assert time.monotonic() - started < 1
        assert uncached.status_code == 503 and uncached["Retry-After"] == "60"
        html = uncached.content.decode()
        assert "Hệ thống đang bảo trì" in html and "Traceback" not in html and "5432" not in html
        cached = reader(3).get("/")
        assert cached.status_code == 200
        assert "Thông báo lịch cắt điện" in cached.content.decode()
    # The database is back: no restart needed.
    assert reader(4).get(article.get_absolute_url()).status_code == 200


def test_a_database_down_for_longer_than_the_host_map_lives_still_leaves_cached_pages(monkeypatch, settings):
    """A warm process keeps serving the units it knows: their host names cannot be read again meanwhile."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "khong-ai.test"]
    make_article("Thông báo lịch cắt điện")
    assert reader().get("/").status_code == 200  # now in the page cache, the host map in memory
    with monkeypatch.context() as down:
        down.setattr(connection, "ensure_connection", _refuse)
        down.setattr(connection, "cursor", _refuse)
        down.setattr(hosts, "_loaded_at", time.monotonic() - settings.UNIT_HOSTS_SECONDS - 1)  # the map aged
        cached = reader(2).get("/")
        assert cached.status_code == 200 and "Thông báo lịch cắt điện" in cached.content.decode()
        assert reader(3).get("/", HTTP_HOST="khong-ai.test").status_code == 404  # still no unit's
    hosts.forget()  # the database is back: the map is read again
    assert reader(4).get("/").status_code == 200


def test_a_worker_started_while_the_database_is_down_serves_cached_pages_with_the_shared_host_map(monkeypatch):
    """gunicorn replaces its workers now and then: a new one learns the units from the shared cache."""
    make_article("Thông báo lịch cắt điện")
    assert reader().get("/").status_code == 200  # in the page cache; the host map read and shared
    with monkeypatch.context() as down:
        down.setattr(connection, "ensure_connection", _refuse)
        down.setattr(connection, "cursor", _refuse)
        down.setattr(hosts, "_map", {})  # a new worker: nothing in its memory yet
        down.setattr(hosts, "_loaded_at", float("-inf"))
        cached = reader(2).get("/")
        assert cached.status_code == 200 and "Thông báo lịch cắt điện" in cached.content.decode()
        cache.clear()  # neither the database nor the shared cache knows the units: the 503 page
        down.setattr(hosts, "_map", {})
        down.setattr(hosts, "_loaded_at", float("-inf"))
        assert reader(3).get("/").status_code == 503
    hosts.forget()
    assert reader(4).get("/").status_code == 200


def test_redis_down_the_portal_serves_and_counts_in_the_database(settings, monkeypatch):
    settings.STATS_REDIS_URL = NOWHERE
    article = make_article("Tin khi Redis ngừng")
    with override_settings(CACHES={"default": redis_cache_settings(NOWHERE, timeout=1)}):
        for number in range(1, 6):
            response, answer = read(reader(number), article.get_absolute_url())
            assert response.status_code == 200 and "Tin khi Redis ngừng" in response.content.decode()
            assert answer["views"] == number
    assert DailyStats.objects.get(day=timezone.localdate()).visits == 5
    article.refresh_from_db()
    assert article.view_count == 5


def test_a_failed_upload_leaves_no_half_saved_article_and_no_orphan_file(client, settings, monkeypatch):
    roles.sync_roles()
    chief = _user("truongban", roles.EDITOR_IN_CHIEF)
    client.force_login(chief)
    category = make_category("Kinh tế")

    def disk_full(**kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services, "update_image_renditions", disk_full)
    upload = SimpleUploadedFile("anh.jpg", image_bytes(size=(1600, 1000)), content_type="image/jpeg")
    data = {
        "title": "Bài có ảnh lớn",
        "slug": "",
        "category": category.pk,
        "kind": "news",
        "lead": "Sapo",
        "body": "<p>Nội dung</p>",
        "image": upload,
        "image_alt": "Ảnh",
        "image_caption": "",
        "author": "",
        "source": "",
        "status": "draft",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    with pytest.raises(OSError):
        client.post("/admin/articles/article/add/", data)
    assert not Article.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not [path for path in media.rglob("*") if path.is_file()], "orphan files left behind"
