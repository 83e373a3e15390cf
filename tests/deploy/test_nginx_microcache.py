"""The nginx microcache of deploy/nginx-portal.conf, run by Debian's nginx in front of a stub portal.

The stub answers like the portal does (a public page, a page that sets a cookie, a private one, the
counting beacon) and counts how often each path reached it, so that each test sees what nginx kept.
"""

import os
import threading
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.loopback import free_port
from bench.nginx_site import LoopbackNginx, nginx_missing

# Every path answers with a long max-age, as Django's cache middleware would for a public page:
# only the microcache's own rules decide what nginx keeps.
HEADERS = {
    "/dat-cookie/": {"Set-Cookie": "csrftoken=abc; Path=/"},
    "/rieng/": {"Cache-Control": "private, max-age=600"},
    "/khong-luu/": {"Cache-Control": "no-store"},
}


class StubPortal(BaseHTTPRequestHandler):
    """HTTP/1.0, one request per connection: once the server is closed, nothing answers any more."""

    hits = Counter()
    hosts = []

    def do_GET(self):
        self.hits[self.path] += 1
        self.hosts.append(self.headers.get("Host"))
        body = f"{self.path} lần {self.hits[self.path]}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in HEADERS.get(self.path.split("?")[0], {"Cache-Control": "max-age=600"}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        """Quiet: the test reads the hit counts, not a log."""


@pytest.fixture(scope="module")
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), StubPortal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def nginx(stub):
    if reason := nginx_missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with LoopbackNginx([f"127.0.0.1:{stub.server_port}"]) as server:
        yield server


def fetch(nginx, path, *, cookie=None, method="GET", host=None):
    request = urllib.request.Request(nginx.url + path, method=method, data=b"" if method == "POST" else None)
    if cookie:
        request.add_header("Cookie", cookie)
    if host:
        request.add_header("Host", host)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Microcache"), response.read().decode()


def test_a_second_anonymous_reader_gets_the_page_from_nginx(nginx):
    assert fetch(nginx, "/tin-tuc/bai-1/") == ("MISS", "/tin-tuc/bai-1/ lần 1")
    assert fetch(nginx, "/tin-tuc/bai-1/") == ("HIT", "/tin-tuc/bai-1/ lần 1")
    assert StubPortal.hits["/tin-tuc/bai-1/"] == 1


def test_each_language_has_its_own_copy(nginx):
    assert fetch(nginx, "/gioi-thieu/")[0] == "MISS"
    assert fetch(nginx, "/gioi-thieu/", cookie="django_language=en")[0] == "MISS"
    assert fetch(nginx, "/gioi-thieu/", cookie="django_language=en")[0] == "HIT"
    assert StubPortal.hits["/gioi-thieu/"] == 2


def test_each_unit_has_its_own_copy_and_the_portal_sees_its_host(nginx):
    """One server block serves every unit: the host is part of the key, and passed on to pick the unit."""
    assert fetch(nginx, "/don-vi/", host="songlam.gov.vn")[0] == "MISS"
    assert fetch(nginx, "/don-vi/", host="hoabinh.songlam.gov.vn")[0] == "MISS"
    assert fetch(nginx, "/don-vi/", host="hoabinh.songlam.gov.vn")[0] == "HIT"
    assert fetch(nginx, "/don-vi/", host="songlam.gov.vn")[0] == "HIT"
    assert StubPortal.hits["/don-vi/"] == 2
    assert StubPortal.hosts[-2:] == ["songlam.gov.vn", "hoabinh.songlam.gov.vn"]


@pytest.mark.parametrize(
    "who, cookie",
    [("staff", "sessionid=staff-session"), ("message", "messages=pending"), ("both", "sessionid=x; messages=y")],
)
def test_staff_and_pending_messages_bypass_and_are_never_stored(nginx, who, cookie):
    path = f"/lich-hop/?ai={who}"
    fetch(nginx, path)
    assert fetch(nginx, path)[0] == "HIT"
    assert fetch(nginx, path, cookie=cookie) == ("BYPASS", f"{path} lần 2")
    # What the signed-in reader got was not stored for the others: they still get the first copy.
    assert fetch(nginx, path) == ("HIT", f"{path} lần 1")
    fresh = path + "&moi=1"
    assert fetch(nginx, fresh, cookie=cookie)[0] == "BYPASS"
    assert fetch(nginx, fresh)[0] == "MISS"


def test_a_form_sent_with_post_always_reaches_the_portal(nginx):
    fetch(nginx, "/tin-tuc/bai-2/")
    # nginx does not even look in the cache for a POST (no X-Microcache), nor keeps its answer.
    assert fetch(nginx, "/tin-tuc/bai-2/", method="POST") == (None, "/tin-tuc/bai-2/ lần 2")
    assert fetch(nginx, "/tin-tuc/bai-2/") == ("HIT", "/tin-tuc/bai-2/ lần 1")


@pytest.mark.parametrize("path", ["/dat-cookie/", "/rieng/", "/khong-luu/"])
def test_responses_that_set_a_cookie_or_are_private_are_not_stored(nginx, path):
    assert fetch(nginx, path)[0] == "MISS"
    assert fetch(nginx, path) == ("MISS", f"{path} lần 2")


@pytest.mark.parametrize(
    "path", ["/thong-ke/ghi/?a=123:chu-ky", "/admin/", "/bien-tap/", "/danh-gia/", "/ngon-ngu/?next=/"]
)
def test_the_beacon_the_admin_and_the_forms_are_never_cached(nginx, path):
    for visit in (1, 2, 3):
        assert fetch(nginx, path) == ("BYPASS", f"{path} lần {visit}")


def test_pages_keep_being_served_while_the_portal_is_down(stub, nginx):
    import time

    assert fetch(nginx, "/lich-cong-tac/")[0] == "MISS"
    stub.shutdown()
    stub.server_close()
    time.sleep(5.5)  # past the microcache's 5 s: the copy is stale, and the portal does not answer
    status, body = fetch(nginx, "/lich-cong-tac/")
    assert status in ("STALE", "UPDATING") and body == "/lich-cong-tac/ lần 1"
    with pytest.raises(urllib.error.HTTPError) as never_cached:
        fetch(nginx, "/trang-chua-ai-xem/")
    assert never_cached.value.code == 502
