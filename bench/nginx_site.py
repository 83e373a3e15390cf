"""The repository's nginx site (deploy/nginx-portal.conf) run by Debian's nginx on loopback, without root.

Shared by the microcache tests and `make bench`, so that both exercise the file production runs.
Only what a machine without a certificate, without root and without the production paths needs is
changed: the site listens on a free loopback port in plain http (the http → https redirect server
is dropped), the upstream points at the given gunicorn or stub servers, and the paths it reads and
writes (cache, logs, /srv/portal/) move under a temporary prefix. Everything else (the microcache,
the locations, the headers) is the file as committed.
"""

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.loopback import free_port

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx-portal.conf"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")


def nginx_missing():
    """Why the site cannot be run here, or None when Debian's nginx is installed."""
    if Path(NGINX).exists():
        return None
    return f"nginx not found at {NGINX} (apt-get install nginx-light)"


def site_for_loopback(text, *, port, upstreams, prefix):
    """The site file's text, moved to plain http on 127.0.0.1:port, its upstream and paths replaced."""
    text = re.sub(r"server\s*\{[^{}]*return 301 https://[^{}]*\}\n?", "", text)
    text = re.sub(r"^[ \t]*listen \[::\]:443[^;]*;\n", "", text, flags=re.M)
    text = re.sub(r"\blisten 443[^;]*;", f"listen 127.0.0.1:{port};", text)
    text = re.sub(r"^[ \t]*ssl_\w+[^;]*;\n", "", text, flags=re.M)
    servers = " ".join(f"server {address} fail_timeout=0;" for address in upstreams)
    text = re.sub(r"(upstream portal_app\s*\{)[^}]*?server [^;]+;", rf"\g<1> {servers}", text)
    text = re.sub(r"proxy_cache_path \S+", f"proxy_cache_path {prefix}/cache", text)
    text = re.sub(r"\b(access_log|error_log) /\S+", rf"\g<1> {prefix}/\g<1>.log", text)
    return text.replace("/srv/portal/", f"{prefix}/srv/")


def _temp_path_kinds():
    """The temporary folders this nginx was built with (client_body, proxy, fastcgi…), all moved to the prefix.

    nginx creates each at start-up, in /var/lib/nginx unless told otherwise; a module left out of
    the build (nginx-light has fewer) must not be named.
    """
    built = subprocess.run([NGINX, "-V"], capture_output=True, text=True, check=True).stderr
    kinds = [kind.replace("-", "_") for kind in re.findall(r"--http-([a-z-]+)-temp-path=", built)]
    return [kind for kind in kinds if f"--without-http_{kind}_module" not in built]


class LoopbackNginx:
    """nginx with the transformed site, in the foreground of a child process; a context manager.

    ``srv`` maps the folders of /srv/portal/ (static, media) to real ones. Under root (containers,
    CI), the workers run as root too: nginx would otherwise switch to "nobody", who cannot enter
    the private temporary prefix.
    """

    def __init__(self, upstreams, *, srv=None, workers=1):
        self.upstreams, self.srv, self.workers = list(upstreams), srv or {}, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
        self.process = None

    def __enter__(self):
        (self.prefix / "srv").mkdir()
        for name, folder in self.srv.items():
            (self.prefix / "srv" / name).symlink_to(Path(folder).resolve())
        site = site_for_loopback(SITE.read_text(), port=self.port, upstreams=self.upstreams, prefix=self.prefix)
        (self.prefix / "site.conf").write_text(site)
        user = f"user {pwd.getpwuid(0).pw_name};" if os.geteuid() == 0 else ""
        temp_paths = "".join(f"{kind}_temp_path {self.prefix}/{kind};" for kind in _temp_path_kinds())
        (self.prefix / "nginx.conf").write_text(
            f"{user} daemon off; worker_processes {self.workers}; pid {self.prefix}/nginx.pid;"
            f" error_log {self.prefix}/error.log warn; events {{ worker_connections 4096; }}"
            f" http {{ include /etc/nginx/mime.types; {temp_paths} include {self.prefix}/site.conf; }}\n"
        )
        self.process = subprocess.Popen(
            [
                NGINX,
                "-p",
                str(self.prefix),
                "-e",
                str(self.prefix / "error.log"),
                "-c",
                str(self.prefix / "nginx.conf"),
            ],
            stderr=subprocess.PIPE,
        )
        self._wait_until_listening()
        return self

    def _wait_until_listening(self, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen on {self.url} within {timeout} s")

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stderr.close()
        shutil.rmtree(self.prefix, ignore_errors=True)
