"""Access logs carry no client address: nginx writes them in its private format, gunicorn writes none."""

import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADDRESS_VARIABLES = re.compile(
    r"\$(remote_addr|binary_remote_addr|http_x_forwarded_for|proxy_add_x_forwarded_for|realip_remote_addr)\b"
)


def test_gunicorn_writes_no_access_log():
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["accesslog"] is None


def test_nginx_logs_requests_without_the_client_address():
    site = (ROOT / "deploy" / "nginx-portal.conf").read_text()
    formats = dict(re.findall(r"log_format\s+(\w+)\s+([^;]+);", site))
    logs = re.findall(r"access_log\s+(\S+)(?:\s+(\w+))?", site)
    assert logs, "the site names its access log"
    for path, format_name in logs:
        assert path == "off" or format_name in formats, f"{path} is written in nginx's default format, with addresses"
    for format_name, layout in formats.items():
        assert not ADDRESS_VARIABLES.search(layout), f"log_format {format_name} records a client address"
