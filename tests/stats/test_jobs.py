"""The daily jobs without Redis: they do what needs only the database, then fail saying what they could not."""

import datetime
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from stats.models import DailyStats, Visitor

pytestmark = pytest.mark.django_db
NOWHERE = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def redis_unreachable(settings, monkeypatch):
    settings.STATS_REDIS_URL = NOWHERE


def test_rollup_prunes_old_hashed_rows_then_fails_saying_redis_was_not_read(redis_unreachable, settings):
    settings.STATS_RETENTION_DAYS = 5
    old = timezone.localdate() - datetime.timedelta(days=40)
    moment = timezone.now() - datetime.timedelta(days=40)
    Visitor.objects.create(day=old, visitor="a" * 32, first_seen=moment, last_seen=moment)
    out = StringIO()
    with pytest.raises(CommandError, match="Không đọc được bộ đệm Redis"):
        call_command("stats_rollup", stdout=out)
    assert not Visitor.objects.filter(day=old).exists()
    assert "Đã xóa 1 dòng lượt truy cập" in out.getvalue()


def test_snapshot_prints_the_database_figures_then_fails(redis_unreachable):
    DailyStats.objects.create(day=timezone.localdate(), visits=7)
    out = StringIO()
    with pytest.raises(CommandError, match="Không đọc được bộ đệm Redis"):
        call_command("stats_snapshot", stdout=out)
    assert json.loads(out.getvalue())["today"] == 7


def test_from_the_command_line_the_job_exits_non_zero_with_one_clear_line(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    environment = {**os.environ, "DEBUG": "1", "DATABASE_URL": database, "STATS_REDIS_URL": NOWHERE}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=environment, check=True)
    run = subprocess.run([*manage, "stats_rollup"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert run.returncode == 1
    assert "Đã xóa" in run.stdout
    assert "Không đọc được bộ đệm Redis" in run.stderr and "Traceback" not in run.stderr
