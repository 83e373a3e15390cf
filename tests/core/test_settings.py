"""The one settings module behaves as the environment says."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from django.utils import formats, timezone

ROOT = Path(__file__).resolve().parents[2]


def _run_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_portal_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _run_check(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_mode_starts_without_secret_key():
    assert _run_check(DEBUG="1").returncode == 0


def test_dates_are_shown_day_first_in_vietnam_time():
    moment = datetime(2021, 10, 13, 7, 31, tzinfo=UTC)
    assert formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") == "13/10/2021 14:31"
