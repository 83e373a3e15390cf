"""`make bench`: the portal behind nginx with the repository's site file, and its ceilings, in one run.

Steps: make sure the benchmark database has the generated data (generate_load_data: 100,000 articles
built like an editor's), collect static files, then, at GUNICORN_WORKERS=2 and at gunicorn.conf.py's
default, two series with wrk (locust headless when wrk is missing) at 16 connections:

1. gunicorn with its caches on, behind nginx running deploy/nginx-portal.conf on loopback
   (bench/nginx_site.py): nginx serving a static file, then the home page and a realistic article
   through nginx (its microcache), each with ``Connection: close`` and with keep-alive (a cached page
   is compared with the static file loaded the same way), /robots.txt straight from gunicorn (the ceiling
   of the application), the counting beacon that the article page names in its ``data-stats-beacon``
   attribute, straight from gunicorn.
2. gunicorn with the page caches off (PAGE_CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0), reached without
   nginx so that the microcache is bypassed: /robots.txt, the article as a cache miss meets it, and the
   search for words nobody searched.

/robots.txt runs before and after the pages of each series (the machine's speed drifts over minutes) and
the ceiling is their mean. Each target is a ratio within one series; the table says PASS or FAIL, N/A
for a page the code at hand does not have (the beacon, before it lands). Figures, the load average before
and after, and the ratios go to bench/results.json.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/portal_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/3), BENCH_SECONDS (20), BENCH_CONNECTIONS (16),
BENCH_PORT (8100), BENCH_INSTANCES (1; 2 runs two servers on two ports, nginx in front of both and the
direct load split between them).
"""

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import ensure_database  # noqa: E402 (needs ROOT on the path)
from bench.nginx_site import LoopbackNginx, nginx_missing  # noqa: E402 (needs ROOT on the path)

PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", 20))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
PORT = int(os.environ.get("BENCH_PORT", 8100))
INSTANCES = int(os.environ.get("BENCH_INSTANCES", 1))
HOST = "127.0.0.1"
# GUNICORN_WORKERS=2, then gunicorn.conf.py's default (one worker per core, plus one).
WORKER_COUNTS = ("2", None)
STATIC_FILE = "/static/css/portal.css"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"
ENV = {
    **os.environ,
    "DEBUG": "0",
    "HTTPS": "0",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_MANIFEST": "1",
    "SERVE_MEDIA": "0",
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"),
    "ALLOWED_HOSTS": f"{HOST},.tinhthu.localhost",
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
    "LOG_LEVEL": "WARNING",
}
UNCACHED = {"PAGE_CACHE_SECONDS": "0", "SEARCH_CACHE_SECONDS": "0"}
# generate_load_data --units 100: the province answers at HOST, a commune at its own host name.
UNITS = 100
COMMUNE_HOST = "xa050.tinhthu.localhost"
AS_COMMUNE = {"Host": COMMUNE_HOST}
# (name, page, ceiling, lowest share of the ceiling); the fresh article also has a p99 bound.
TARGETS = (
    ("cached home / static, both Connection: close", "cached home, close", "static, close", 0.25),
    ("cached article / static, both Connection: close", "cached article, close", "static, close", 0.25),
    ("cached home / static, both keep-alive", "cached home, keep-alive", "static, keep-alive", 0.25),
    ("cached article / static, both keep-alive", "cached article, keep-alive", "static, keep-alive", 0.25),
    ("beacon / robots.txt", "beacon", "robots.txt, caches on", 0.70),
    ("fresh article / robots.txt", "fresh article", "robots.txt, caches off", 0.20),
    ("search, new words / robots.txt", "search, new words", "robots.txt, caches off", 0.10),
)
FRESH_ARTICLE_P99_MS = 100
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "errors": %d, '
    .. '"error_kinds": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, e.connect + e.read + e.write + e.status + e.timeout,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def manage(*args, env=ENV):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def django_value(expression):
    """Evaluate an expression with the portal's models against the benchmark database."""
    code = f"import django; django.setup(); {expression}"
    env = {**ENV, "DJANGO_SETTINGS_MODULE": "portal.settings"}
    return subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def prepare():
    ensure_database(ENV["DATABASE_URL"])
    manage("migrate", "--noinput", "-v", "0")
    count = int(django_value("from articles.models import Article; print(Article.objects.count())"))
    if count < 100_000:
        manage("generate_load_data", "--articles", str(100_000 - count), "--meetings", "5000", "--visits", "5000000",
               "--batch", "5000", "--units", str(UNITS))  # fmt: skip
    manage("collectstatic", "--noinput", "-v", "0")


def targets():
    """The pages under test, found in the benchmark database."""
    article, commune_article = json.loads(
        django_value(
            "import json; from website.management.commands.generate_load_data import realistic_article; "
            "from units.models import Unit; "
            f"c = realistic_article(Unit.objects.filter(host={COMMUNE_HOST!r}).first()); a = realistic_article(); "
            "print(json.dumps([a and a.get_absolute_url(), c and c.get_absolute_url()]))"
        )
    )
    if not article or not commune_article:
        raise SystemExit(
            f"{ENV['DATABASE_URL']} holds no article with a picture, attachments, comments, related articles and"
            " a meeting: an older generate_load_data filled it. Drop it (or set BENCH_DATABASE_URL) and run again."
        )
    return {
        "home": "/",
        "article": article,
        "search": "/tim-kiem/?q=lu+quet+sat+lo",
        "robots": "/robots.txt",
        "commune home": "/",
        "commune article": commune_article,
    }


def start_servers(extra_env):
    servers = []
    for index in range(INSTANCES):
        bind = f"{HOST}:{PORT + index}"
        env = {**ENV, **extra_env, "GUNICORN_BIND": bind}
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "--access-logfile", "/dev/null"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip
        servers.append(process)
        wait_until_up(f"http://{bind}/robots.txt")
    return servers


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server at {url} did not start")


def stop_servers(servers):
    for process in servers:
        os.killpg(process.pid, signal.SIGTERM)
    for process in servers:
        process.wait(timeout=30)


def direct_urls(path):
    """The path on each gunicorn, without nginx."""
    return [f"http://{HOST}:{PORT + index}{path}" for index in range(INSTANCES)]


def worker_memory_mb(servers):
    """Resident memory of each gunicorn worker (children of the masters), in MB."""
    sizes = []
    for process in servers:
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            rss_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
            sizes.append(round(rss_kb / 1024, 1))
    return sizes


def run_wrk(urls, headers):
    """wrk against one URL, or split across several servers (one wrk each, the connections shared)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    connections = max(CONNECTIONS // len(urls), 1)
    header_args = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    runs = [
        subprocess.Popen(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(connections),
                "-d",
                f"{SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                "--latency",
                *header_args,
                url,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for url in urls
    ]
    reports = [json.loads(run.communicate()[0].strip().splitlines()[-1]) for run in runs]
    os.unlink(script.name)
    return {
        "requests_per_second": round(sum(r["requests"] / r["seconds"] for r in reports), 1),
        "p50_ms": round(max(r["p50"] for r in reports), 2),
        "p95_ms": round(max(r["p95"] for r in reports), 2),
        "p99_ms": round(max(r["p99"] for r in reports), 2),
        "errors": sum(r["errors"] for r in reports),
        # status: an answer other than 2xx/3xx; timeout: none within 10 s (wrk's own count).
        "error_kinds": {kind: sum(r["error_kinds"][kind] for r in reports) for kind in reports[0]["error_kinds"]},
    }


def run_locust(urls, headers):
    """locust headless, when wrk is not installed (pip install -r bench/requirements.txt)."""
    host, _, path = urls[0].partition("/")[2].partition("/")[2].partition("/")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(CONNECTIONS),
             "-r", str(CONNECTIONS), "-t", f"{SECONDS}s", "--host", f"http://{host}", "--csv", f"{folder}/run",
             "--only-summary"],
            cwd=ROOT, check=True, capture_output=True,
            env={**os.environ, "BENCH_PATH": "/" + path, "BENCH_HEADERS": json.dumps(headers)},
        )  # fmt: skip
        rows = (Path(folder) / "run_stats.csv").read_text().splitlines()
        header, total = rows[0].split(","), rows[-1].split(",")
        value = dict(zip(header, total, strict=False))
    return {
        "requests_per_second": round(float(value["Requests/s"]), 1),
        "p50_ms": float(value["50%"]),
        "p95_ms": float(value["95%"]),
        "p99_ms": float(value["99%"]),
        "errors": int(value["Failure Count"]),
    }


def fetch(url, headers=None):
    """One request as a reader's browser makes it: the body and nginx's microcache status."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode(), response.headers.get("X-Microcache")


def beacon_path(page):
    """The counting beacon the page names (``data-stats-beacon``), or None on code that has none yet."""
    match = re.search(r'data-stats-beacon="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None


def load(results, name, urls, headers=None):
    """Warm the URL (and the caches), put it under load, print and keep the row."""
    headers = {"User-Agent": USER_AGENT, **(headers or {})}
    _page, microcache = fetch(urls[0], headers)
    if microcache:
        microcache = fetch(urls[0], headers)[1]  # the second reader's status: HIT when nginx kept the page
    runner = run_wrk if shutil.which("wrk") else run_locust
    row = {"url": urls[0], **runner(urls, headers)}
    if microcache:
        row["microcache"] = microcache
    results[name] = row
    print(f"  {name:<32} {row['requests_per_second']:>9.1f} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f}"
          f" {row['p99_ms']:>8.2f} {row['errors']:>6}  {microcache or ''}", flush=True)  # fmt: skip


def robots_ceiling(results, name):
    """/robots.txt measured before and after a series: the ceiling is their mean."""
    before, after = results.pop(f"{name} (before)"), results.pop(f"{name} (after)")
    results[name] = {
        "requests_per_second": round((before["requests_per_second"] + after["requests_per_second"]) / 2, 1),
        "before": before,
        "after": after,
    }


def cached_series(paths, extra, results):
    """Caches on: static ceilings and cached pages through nginx, robots.txt and the beacon straight."""
    servers = start_servers(extra)
    try:
        upstreams = [f"{HOST}:{PORT + index}" for index in range(INSTANCES)]
        srv = {"static": ROOT / "staticfiles", "media": Path(os.environ.get("MEDIA_ROOT", ROOT / "media"))}
        with LoopbackNginx(upstreams, srv=srv, workers="auto") as nginx:
            # Like for like: each cached page through nginx in both ways a static file is measured.
            for connection, headers in (("close", {"Connection": "close"}), ("keep-alive", {})):
                load(results, f"static, {connection}", [nginx.url + STATIC_FILE], headers)
                for page in ("home", "article"):
                    load(results, f"cached {page}, {connection}", [nginx.url + paths[page]], headers)
                for page in ("commune home", "commune article"):
                    as_commune = {**headers, **AS_COMMUNE}
                    load(results, f"cached {page}, {connection}", [nginx.url + paths[page]], as_commune)
            load(results, "robots.txt, caches on (before)", direct_urls(paths["robots"]))
            beacon = beacon_path(fetch(direct_urls(paths["article"])[0])[0])
            if beacon:
                load(results, "beacon", direct_urls(beacon))
            else:
                print(f"  {'beacon':<32} N/A: the article page has no data-stats-beacon")
            load(results, "robots.txt, caches on (after)", direct_urls(paths["robots"]))
            robots_ceiling(results, "robots.txt, caches on")
        results["worker_rss_mb, caches on"] = worker_memory_mb(servers)
        if INSTANCES > 1:
            results["instances_agree"] = instances_agree(paths["home"])
    finally:
        stop_servers(servers)


def uncached_series(paths, extra, results):
    """Page caches off, straight to gunicorn: what a cache miss costs, against robots.txt in the same series."""
    servers = start_servers({**extra, **UNCACHED})
    try:
        load(results, "robots.txt, caches off (before)", direct_urls(paths["robots"]))
        load(results, "fresh article", direct_urls(paths["article"]))
        load(results, "fresh province home", direct_urls(paths["home"]))
        load(results, "fresh commune home", direct_urls(paths["commune home"]), AS_COMMUNE)
        load(results, "fresh commune article", direct_urls(paths["commune article"]), AS_COMMUNE)
        load(results, "search, new words", direct_urls(paths["search"]))
        load(results, "robots.txt, caches off (after)", direct_urls(paths["robots"]))
        robots_ceiling(results, "robots.txt, caches off")
    finally:
        stop_servers(servers)


def verdicts(results):
    """Each target as a ratio of its ceiling in the same series, with PASS, FAIL or N/A."""
    rows = []
    for name, page, ceiling, lowest in TARGETS:
        if page not in results:
            rows.append({"target": name, "lowest": lowest, "ratio": None, "verdict": "N/A"})
            continue
        ratio = round(results[page]["requests_per_second"] / results[ceiling]["requests_per_second"], 3)
        passed = ratio >= lowest and not results[page]["errors"]
        if page == "fresh article":
            passed = passed and results[page]["p99_ms"] < FRESH_ARTICLE_P99_MS
        rows.append({"target": name, "lowest": lowest, "ratio": ratio, "verdict": "PASS" if passed else "FAIL"})
    return rows


def instances_agree(path):
    """Both servers answer the same page, with the same visitor figures.

    Requests carry the same Host header, as they do behind nginx, so both servers share cache entries.
    """
    pages = [
        urllib.request.urlopen(urllib.request.Request(url, headers={"Host": HOST, "User-Agent": USER_AGENT}))
        .read()
        .decode()
        for url in direct_urls(path)
    ]
    figures = [re.findall(r'data-stat="(\w+)"[^>]*>([^<]*)<', page) for page in pages]
    agree = all(page == pages[0] for page in pages) and all(f == figures[0] for f in figures)
    print(f"instances agree on the page and the figures: {agree} {figures[0]}")
    return agree


def main():
    if reason := nginx_missing():
        raise SystemExit(f"make bench runs the portal behind nginx: {reason}")
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "load_average_before": os.getloadavg(),
        "cpu_count": os.cpu_count(),
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "instances": INSTANCES,
        "series": {},
    }
    prepare()
    paths = targets()
    print(f"article: {paths['article']}")
    for workers in WORKER_COUNTS:
        label = f"GUNICORN_WORKERS={workers}" if workers else f"default ({os.cpu_count() + 1} workers)"
        extra = {"GUNICORN_WORKERS": workers} if workers else {}
        print(f"{label:<25} {'req/s':>18} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}  microcache")
        results = {}
        cached_series(paths, extra, results)
        uncached_series(paths, extra, results)
        results["targets"] = verdicts(results)
        report["series"][label] = results
    report["load_average_after"] = os.getloadavg()
    print(f"\n{'series':<24} {'target':<54} {'ratio':>6} {'lowest':>6}  verdict")
    for label, results in report["series"].items():
        for row in results["targets"]:
            ratio = "N/A" if row["ratio"] is None else f"{row['ratio']:.0%}"
            print(f"{label:<24} {row['target']:<54} {ratio:>6} {row['lowest']:>6.0%}  {row['verdict']}")
    print(f"fresh article p99 must stay under {FRESH_ARTICLE_P99_MS} ms at {CONNECTIONS} connections")
    print(f"load average before {report['load_average_before']}, after {report['load_average_after']}")
    name = "results.json" if INSTANCES == 1 else f"results-{INSTANCES}-instances.json"
    (ROOT / "bench" / name).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written to bench/{name}")


if __name__ == "__main__":
    main()
