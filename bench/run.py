"""`make bench`: the portal under gunicorn and PostgreSQL, loaded from loopback, figures in a table.

Steps: make sure the benchmark database has the generated data (generate_load_data), collect
static files, start gunicorn with the production settings (DEBUG off), then for each page run
the load generator (wrk when installed, else locust headless) with 32 connections for 20 s,
and write requests/s, p50/p95/p99 latency and errors to the terminal and bench/results.json,
with /robots.txt through the same server as the ceiling (run first and last; their mean is the ceiling).
Runs: page cache on, page cache off, then the search alone with its shared ranking off too
(SEARCH_CACHE_SECONDS=0: the cost of words nobody searched in the last minute).

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/portal_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/3), BENCH_SECONDS (20), BENCH_CONNECTIONS (32),
BENCH_PORT (8100), BENCH_INSTANCES (1; 2 runs two servers on two ports, the load split between them).
"""

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
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", 20))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 32))
PORT = int(os.environ.get("BENCH_PORT", 8100))
INSTANCES = int(os.environ.get("BENCH_INSTANCES", 1))
HOST = "127.0.0.1"
ENV = {
    **os.environ,
    "DEBUG": "0",
    "HTTPS": "0",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_MANIFEST": "1",
    "SERVE_MEDIA": "0",
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"),
    "ALLOWED_HOSTS": HOST,
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
    "LOG_LEVEL": "WARNING",
}
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors))
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
    manage("migrate", "--noinput", "-v", "0")
    count = int(django_value("from articles.models import Article; print(Article.objects.count())"))
    if count < 100_000:
        manage("generate_load_data", "--articles", str(100_000 - count), "--meetings", "5000", "--visits", "5000000",
               "--batch", "5000")  # fmt: skip
    manage("collectstatic", "--noinput", "-v", "0")


def targets():
    """The pages under test: home, a list, an article, a search, a meeting; robots.txt as the ceiling."""
    paths = json.loads(
        django_value(
            "import json; from articles.models import Article, Category; from meetings.models import Meeting; "
            "a = Article.objects.published().news().order_by('-published_at')[50]; "
            "m = Meeting.objects.public().past().first(); c = Category.objects.order_by('pk').first(); "
            "print(json.dumps({'home': '/', 'list': c.get_absolute_url(), 'article': a.get_absolute_url(), "
            "'search': '/tim-kiem/?q=nong+thon+moi', 'meeting': m.get_absolute_url(), 'ceiling': '/robots.txt'}))"
        )
    )
    return paths


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


def run_wrk(urls):
    """wrk against one URL, or split across several servers (one wrk each, the connections shared)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    connections = max(CONNECTIONS // len(urls), 1)
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
                "-s",
                script.name,
                "--latency",
                "-H",
                "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
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
    }


def run_locust(urls):
    """locust headless, when wrk is not installed (pip install -r bench/requirements.txt)."""
    host, _, path = urls[0].partition("/")[2].partition("/")[2].partition("/")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(CONNECTIONS),
             "-r", str(CONNECTIONS), "-t", f"{SECONDS}s", "--host", f"http://{host}", "--csv", f"{folder}/run",
             "--only-summary"],
            cwd=ROOT, check=True, capture_output=True, env={**os.environ, "BENCH_PATH": "/" + path},
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


def instances_agree(path):
    """Both servers answer the same cached page, with the same visitor figures.

    Requests carry the same Host header, as they do behind nginx, so both servers share cache entries.
    """
    pages = [
        urllib.request.urlopen(
            urllib.request.Request(f"http://{HOST}:{PORT + index}{path}", headers={"Host": HOST}), timeout=10
        )
        .read()
        .decode()
        for index in range(INSTANCES)
    ]
    figures = [re.findall(r'data-stat="(\w+)"[^>]*>([^<]*)<', page) for page in pages]
    agree = all(page == pages[0] for page in pages) and all(f == figures[0] for f in figures)
    print(f"instances agree on the cached page and the figures: {agree} {figures[0]}")
    return agree


def measure(paths, label, with_ceiling=True):
    """Each page in turn, with the ceiling run first and last: the machine's speed drifts over minutes."""
    runner = run_wrk if shutil.which("wrk") else run_locust
    pages = {name: path for name, path in paths.items() if name != "ceiling"}
    order = list(pages.items())
    if with_ceiling:
        order = [("ceiling-before", paths["ceiling"]), *order, ("ceiling-after", paths["ceiling"])]
    results = {}
    for name, path in order:
        urls = [f"http://{HOST}:{PORT + index}{path}" for index in range(INSTANCES)]
        urllib.request.urlopen(urls[0], timeout=10).read()  # warm the page (and the cache)
        results[name] = {"path": path, **runner(urls)}
        row = results[name]
        print(f"{label:<9} {name:<14} {row['requests_per_second']:>9.1f} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f}"
              f" {row['p99_ms']:>8.2f} {row['errors']:>6}", flush=True)  # fmt: skip
    if not with_ceiling:
        return results
    before, after = results.pop("ceiling-before"), results.pop("ceiling-after")
    results["ceiling"] = {
        "path": paths["ceiling"],
        "requests_per_second": round((before["requests_per_second"] + after["requests_per_second"]) / 2, 1),
        "before": before,
        "after": after,
    }
    return results


def main():
    prepare()
    paths = targets()
    print(f"{'run':<9} {'page':<14} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    report = {"connections": CONNECTIONS, "seconds": SECONDS, "instances": INSTANCES, "runs": {}}
    # The last run repeats the search with its shared ranking off, as for words nobody searched yet.
    runs = (
        ("cached", {}, paths),
        ("uncached", {"PAGE_CACHE_SECONDS": "0"}, paths),
        ("unshared", {"PAGE_CACHE_SECONDS": "0", "SEARCH_CACHE_SECONDS": "0"}, {"search": paths["search"]}),
    )
    for label, extra, pages in runs:
        servers = start_servers(extra)
        try:
            report["runs"][label] = measure(pages, label, with_ceiling="ceiling" in pages)
            report["runs"][label]["worker_rss_mb"] = worker_memory_mb(servers)
            if INSTANCES > 1 and label == "cached":
                report["instances_agree"] = instances_agree(paths["home"])
        finally:
            stop_servers(servers)
    report["load_average"] = os.getloadavg()
    report["cpu_count"] = os.cpu_count()
    ceiling = report["runs"]["cached"]["ceiling"]["requests_per_second"]
    report["cached_share_of_ceiling"] = {}
    for page in ("home", "list", "article", "search", "meeting"):
        share = report["runs"]["cached"][page]["requests_per_second"] / ceiling
        report["cached_share_of_ceiling"][page] = round(share, 3)
        print(f"cached {page}: {share:.0%} of the /robots.txt ceiling (mean of the runs before and after)")
    print(f"worker memory after the runs (MB): {report['runs']['cached']['worker_rss_mb']}")
    name = "results.json" if INSTANCES == 1 else f"results-{INSTANCES}-instances.json"
    (ROOT / "bench" / name).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"written to bench/{name}")


if __name__ == "__main__":
    main()
