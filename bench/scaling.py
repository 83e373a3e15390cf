"""`make bench-scaling`: does a page cost the same at 100,000 articles as at 1,000?

Fills two PostgreSQL databases with generate_load_data: the 100,000 articles and 5,000 meetings of
`make bench` over five years, and 1,000 articles and 50 meetings over the last 18 days. Both hold
the same news and meetings per day (a week's schedule shows as many meetings in both); the large
one has a hundred times the archive. It then times each public page in-process through the WSGI handler,
page cache off (the fastest of several rounds, both databases measured in turn so that both see the
same machine), and prints the ratio with the plan of each page's main query. Writes
bench/scaling.json. Target: no page above 1.5 times its time at 1,000 articles.

Environment: BENCH_DATABASE_URL (the 100k database, default postgres://postgres@127.0.0.1:5432/portal_bench),
BENCH_SMALL_DATABASE_URL (default …/portal_bench_1k).
"""

import datetime
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import ensure_database  # noqa: E402 (needs ROOT on the path)

# database, articles, meetings, days of history
SIZES = {
    "1k": (
        os.environ.get("BENCH_SMALL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_1k"),
        1000,
        50,
        18,
    ),
    "100k": (
        os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
        100_000,
        5000,
        5 * 365,
    ),
}
ENV = {
    **os.environ,
    "DEBUG": "0",
    "HTTPS": "0",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_MANIFEST": "0",
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"),
    "ALLOWED_HOSTS": "127.0.0.1",
    "PAGE_CACHE_SECONDS": "0",
    "SEARCH_CACHE_SECONDS": "0",  # time the scan for the matches, not the shared ranking
    "STATS_REDIS_URL": "",
    "LOG_LEVEL": "WARNING",
}
ROUNDS, REQUESTS = 7, 20


def prepare(url, articles, meetings, days):
    """Create, migrate and fill the database unless it already holds the articles."""
    ensure_database(url)
    env = {**ENV, "DATABASE_URL": url}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    count_articles = "from articles.models import Article; print(Article.objects.count())"
    count = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", count_articles],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    count = int(count.splitlines()[-1])
    if count < articles:
        subprocess.run(
            [sys.executable, "manage.py", "generate_load_data", "--articles", str(articles - count),
             "--meetings", str(meetings), "--visits", str(articles * 50), "--days", str(days), "--batch", "5000"],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip


def pages():
    """The pages to time, found in the database at hand (same kind of page at both sizes)."""
    from django.utils import timezone

    from articles.models import Category
    from meetings.models import Meeting
    from website.management.commands.generate_load_data import realistic_article

    category = Category.objects.order_by("pk").first()
    article = realistic_article()
    if article is None:
        raise SystemExit("no article with every part of an editor's: an older generate_load_data filled this database")
    # Last week, not this one: the small database holds no meetings after today, and early in a week
    # its schedule would be nearly empty while the large one's is full.
    year, week, _ = (timezone.localdate() - datetime.timedelta(days=7)).isocalendar()
    last_week = f"{year}-W{week:02d}"
    return {
        "home": "/",
        "news list": "/tin-tuc/",
        "category list": category.get_absolute_url(),
        "category page 10": f"{category.get_absolute_url()}?page=10",
        "article": article.get_absolute_url(),
        "search, common words": "/tim-kiem/?q=nong+thon+moi",
        "search, rare words": "/tim-kiem/?q=lu+quet+sat+lo",
        "meeting list": "/lich-hop/",
        "meeting": Meeting.objects.public().past().first().get_absolute_url(),
        "week schedule": f"/lich-cong-tac/?tuan={last_week}",
    }


def call(application, path):
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
        "wsgi.input": io.BytesIO(), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
    }  # fmt: skip
    status = []
    body = b"".join(application(environ, lambda code, headers, *args: status.append(code)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{path} answered {status[0]}")
    return body


def main_query_plan(path):
    """EXPLAIN ANALYZE of the slowest query the page runs."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        Client(HTTP_USER_AGENT="Mozilla/5.0 Chrome/130.0", HTTP_HOST="127.0.0.1").get(path)
    selects = [q for q in queries.captured_queries if q["sql"].lstrip("(").startswith("SELECT")]
    slowest = max(selects, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + slowest["sql"])
        return [row[0] for row in cursor.fetchall()]


def measure():
    """In a child process bound to one database: {page: best ms} and the plans, as JSON on stdout."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from portal.wsgi import application

    targets = pages()
    for path in targets.values():
        for _ in range(5):
            call(application, path)  # warm: connections, templates, the day's salt, the site chrome
    best = dict.fromkeys(targets, float("inf"))
    for _ in range(ROUNDS):
        for name, path in targets.items():
            started = time.perf_counter()
            for _ in range(REQUESTS):
                call(application, path)
            best[name] = min(best[name], (time.perf_counter() - started) / REQUESTS * 1000)
    plans = {name: main_query_plan(path) for name, path in targets.items()}
    print(json.dumps({"ms": best, "paths": targets, "plans": plans}))


def run(size):
    url = SIZES[size][0]
    output = subprocess.run(
        [sys.executable, __file__, "--measure"], cwd=ROOT, env={**ENV, "DATABASE_URL": url},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def main():
    for size in SIZES.values():
        prepare(*size)
    results = {size: run(size) for size in SIZES}
    again = {size: run(size) for size in SIZES}  # a second pass, in turn, keeps the faster of the two
    for size, result in again.items():
        for page, ms in result["ms"].items():
            results[size]["ms"][page] = min(results[size]["ms"][page], ms)
    print(f"{'page':<22} {'1k ms':>8} {'100k ms':>8} {'ratio':>6}")
    report = {"target_ratio": 1.5, "pages": {}}
    for page in results["1k"]["ms"]:
        small, large = results["1k"]["ms"][page], results["100k"]["ms"][page]
        ratio = large / small
        report["pages"][page] = {
            "ms_1k": round(small, 2),
            "ms_100k": round(large, 2),
            "ratio": round(ratio, 2),
            "path_100k": results["100k"]["paths"][page],
            "plan_100k": results["100k"]["plans"][page],
        }
        print(f"{page:<22} {small:>8.2f} {large:>8.2f} {ratio:>6.2f}{'' if ratio <= 1.5 else '  over 1.5'}")
    (ROOT / "bench" / "scaling.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print("written to bench/scaling.json (with the plan of each page's slowest query at 100k)")


if __name__ == "__main__":
    if "--measure" in sys.argv:
        measure()
    else:
        main()
