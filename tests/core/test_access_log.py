"""gunicorn's access log: the lines of the portal's format, with no client address, written by a leaner logger."""

import datetime
import runpy
from pathlib import Path

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from portal.access_log import AccessLogger

GUNICORN_CONF = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


class Response:
    status = "200 OK"
    sent = 41250
    headers = [("Content-Type", "text/html; charset=utf-8"), ("X-Cache", "HIT")]


class Request:
    headers = [("HOST", "cong.example.gov.vn"), ("USER-AGENT", "Mozilla/5.0"), ("X-FORWARDED-FOR", "203.0.113.7")]


ENVIRON = {
    "REQUEST_METHOD": "GET",
    "RAW_URI": "/tin-tuc/khai-mac-hoi-nghi/?trang=2",
    "PATH_INFO": "/tin-tuc/khai-mac-hoi-nghi/",
    "QUERY_STRING": "trang=2",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "REMOTE_ADDR": "203.0.113.7",
    "HTTP_USER_AGENT": "Mozilla/5.0",
    "HTTP_X_FORWARDED_FOR": "203.0.113.7",
    "wsgi.url_scheme": "https",
}
TOOK = datetime.timedelta(microseconds=3456)


def line(logger_class, access_log_format):
    config = Config()
    config.set("access_log_format", access_log_format)
    logger = logger_class(config)
    logger.now = lambda: "[30/Nov/2026:12:00:00 +0700]"
    atoms = logger.atoms_wrapper_class(logger.atoms(Response(), Request(), ENVIRON, TOOK))
    return access_log_format % atoms


def test_gunicorn_uses_the_lean_logger_with_a_format_without_client_address():
    assert GUNICORN_CONF["logger_class"] == "portal.access_log.AccessLogger"
    logged = line(AccessLogger, GUNICORN_CONF["access_log_format"])
    assert logged == '[30/Nov/2026:12:00:00 +0700] "GET /tin-tuc/khai-mac-hoi-nghi/?trang=2 HTTP/1.1" 200 41250 3456'
    assert "203.0.113.7" not in logged


@pytest.mark.parametrize(
    "access_log_format",
    [
        GUNICORN_CONF["access_log_format"],
        '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(m)s %(U)s %(q)s %(H)s %(B)s %(T)s %(M)s %(L)s',
        '%(t)s "%(r)s" %({x-cache}o)s %({host}i)s %({wsgi.url_scheme}e)s',  # headers and variables: gunicorn's table
    ],
)
def test_every_format_logs_the_same_line_as_gunicorns_own_logger(access_log_format):
    assert line(AccessLogger, access_log_format) == line(Logger, access_log_format)
