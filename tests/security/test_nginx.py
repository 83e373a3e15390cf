"""The repository's nginx site, run on loopback in front of a stand-in for gunicorn.

What an outsider sees of it: no version in the Server header, Vietnamese pages for over-long request
lines and headers (gunicorn's English ones never show), and a limit on log-in attempts per address.
"""

import http.client
import http.server
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bench.loopback import free_port

ROOT = Path(__file__).resolve().parent.parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class Upstream(http.server.BaseHTTPRequestHandler):
    """Answers like gunicorn would: its own Server header, a small page."""

    def answer(self):
        self.send_response(200)
        self.send_header("Server", "gunicorn/27.0.1")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    work = tmp_path_factory.mktemp("nginx")
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    site = (ROOT / "deploy" / "nginx-portal.conf").read_text()
    # The same site on loopback over plain HTTP: only addresses, ports, certificates and paths change.
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    site = re.sub(r"listen 443 ssl[^;]*;", f"listen 127.0.0.1:{port};", site)
    site = re.sub(r"listen 80;", f"listen 127.0.0.1:{free_port()};", site)
    site = re.sub(r"\n\s*ssl_[a-z_]+ [^;]*;", "", site)
    site = site.replace("127.0.0.1:8000", f"127.0.0.1:{upstream.server_address[1]}")
    site = site.replace("/srv/portal/static/", f"{ROOT / 'static'}/").replace("/var/log/nginx/", f"{work}/")
    (work / "portal.conf").write_text(site)
    (work / "nginx.conf").write_text(
        f"pid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n include {work}/portal.conf;\n}}\n"
    )
    process = subprocess.Popen([NGINX, "-c", f"{work}/nginx.conf", "-p", str(work), "-g", "daemon off;"])
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("HEAD", "/")
            break
        except OSError:
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)
    upstream.shutdown()


def fetch(port, method, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    return response, response.read().decode()


def test_no_version_in_the_server_header(nginx):
    response, body = fetch(nginx, "GET", "/")
    assert response.status == 200 and body == "ok"
    assert response.getheader("Server") == "nginx"


def test_an_over_long_address_gets_a_vietnamese_page_from_nginx(nginx):
    response, body = fetch(nginx, "GET", "/tim-kiem/?q=" + "a" * 6000)
    assert response.status == 414 and "Địa chỉ quá dài" in body
    assert response.getheader("Server") == "nginx"


def test_an_over_long_header_gets_a_vietnamese_page_from_nginx(nginx):
    response, body = fetch(nginx, "GET", "/", {"User-Agent": "Mozilla/5.0 " + "x" * 6000})
    assert response.status == 400 and "Yêu cầu không hợp lệ" in body


def test_log_in_attempts_are_limited_per_address(nginx):
    statuses = [fetch(nginx, "POST", "/admin/login/")[0].status for _ in range(10)]
    assert statuses[:6] == [200] * 6  # the burst
    assert set(statuses[6:]) == {429}
    response, body = fetch(nginx, "POST", "/admin/login/")
    assert "Bạn đã thử quá nhiều lần" in body
    assert fetch(nginx, "GET", "/admin/login/")[0].status == 200  # reading the form is not an attempt


def test_an_over_large_public_post_gets_a_vietnamese_page_from_nginx(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx, timeout=5)
    connection.request("POST", "/danh-gia/", body=b"x" * 200_000, headers={"Content-Type": "text/plain"})
    response = connection.getresponse()
    body = response.read().decode()
    assert response.status == 413 and "Nội dung gửi quá lớn" in body
