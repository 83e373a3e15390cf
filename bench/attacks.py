"""Replay the outsider's attacks of the hardening issue against the portal on loopback, print figures.

Not part of `make test`. Starts gunicorn (production settings, DEBUG off, 2 sync workers) on
127.0.0.1 with the demo content, once per scenario, and prints timings and counts:

1. long headers: a reader's cached home page alone, among 6 connections of a browser's agent (the
   share of the CPU any 6 clients take), and among 6 connections sending random 8 KB agents;
2. hung Redis: REDIS_URL is a socket that accepts and never answers; pages, and connection attempts;
3. hung PostgreSQL: the database host is such a socket; the 503 page, and connection attempts;
4. counter inflation: 1,000 calls of the home page's counting beacon with new agents from one
   address; visits counted
   (``manage.py stats_snapshot`` before and after).

Gunicorn is hit directly, without nginx in front (which refuses headers over 4 KB itself): what is
measured is what the application does. Options: --database-url (default
postgres://postgres@127.0.0.1:5432/portal_infra), --redis-url (default: a private redis-server),
--port (8200), --json FILE (bench/attacks.json holds a run on 2 loaded cores: see its load_average).
"""

import argparse
import html
import json
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.database import ensure_database  # noqa: E402 (needs ROOT on the path)
from bench.loopback import HungServer, free_port  # noqa: E402 (needs ROOT on the path)

PYTHON = sys.executable
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


def environment(database_url, redis_url, port):
    return {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "0",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_MANIFEST": "0",
        "SECRET_KEY": "attacks-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "ERROR",
    }


def manage(env, *args, capture=False):
    run = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=capture, text=True)
    return run


@contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url, agent=BROWSER):
    """(status, seconds, body)."""
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, time.monotonic() - started, body


def summary(seconds):
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def random_agent(length):
    return "Mozilla/5.0 " + "".join(random.choices(string.ascii_letters + string.digits + " ;/()", k=length))


def reader_under(base, agent):
    """A reader's cached home page while 6 connections load it with ``agent()`` as their User-Agent."""
    stop = threading.Event()
    sent = []

    def other():
        while not stop.is_set():
            sent.append(get(f"{base}/", agent=agent())[0])

    others = [threading.Thread(target=other) for _ in range(6)]
    for thread in others:
        thread.start()
    time.sleep(1)
    timings = summary([get(f"{base}/")[1] for _ in range(100)])
    stop.set()
    for thread in others:
        thread.join()
    return {**timings, "their_requests": len(sent)}


def long_headers(base):
    """A reader's cached home page alone, among 6 browsers, and among 6 senders of random 8 KB agents."""
    get(f"{base}/")  # cached from now on
    return {
        "reader_alone": summary([get(f"{base}/")[1] for _ in range(100)]),
        "reader_among_6_browsers": reader_under(base, lambda: BROWSER),
        "reader_among_6_random_8kb_agents": reader_under(base, lambda: random_agent(8000)),
    }


def pages(base, article):
    answers = []
    for path in ["/", article, "/robots.txt"] * 5:
        status, seconds, body = get(f"{base}{path}")
        answers.append({"path": path, "status": status, "ms": round(seconds * 1000, 1)})
    return answers


def hung(args, port, article, *, service):
    server = HungServer()
    address = f"127.0.0.1:{server.port}"
    if service == "redis":
        env = environment(args.database_url, f"redis://{address}/0", port)
    else:
        parts = urllib.parse.urlsplit(args.database_url)
        hung_url = parts._replace(netloc=f"{parts.username or 'postgres'}@{address}").geturl()
        env = environment(hung_url, args.redis_url, port)
    try:
        with gunicorn(env, port) as base:
            at_start = len(server.connections)  # the workers' first requests (the readiness probe)
            answers = pages(base, article)
        by_path = {}
        for answer in answers:
            by_path.setdefault(f"{answer['path']} {answer['status']}", []).append(answer["ms"])
        return {
            "ms_by_page": by_path,
            "connection_attempts_at_start": at_start,
            "connection_attempts_during_pages": len(server.connections) - at_start,
            "workers": 2,
        }
    finally:
        server.close()


def visits(env):
    figures = manage(env, "stats_snapshot", capture=True).stdout.strip().splitlines()[-1]
    return json.loads(figures)["today"]


def inflation(base, env):
    """A thousand readers made up by one address: the home page and its beacon, each with a new agent."""
    beacon = html.unescape(re.search(r'data-stats-beacon="([^"]+)"', get(f"{base}/")[2]).group(1))
    before = visits(env)
    started = time.monotonic()
    statuses = [get(f"{base}{beacon}", agent=f"{BROWSER} {random_agent(12)}")[0] for _ in range(1000)]
    seconds = time.monotonic() - started
    time.sleep(1)
    return {
        "requests": len(statuses),
        "seconds": round(seconds, 2),
        "ok": statuses.count(200),
        "visits_counted": visits(env) - before,
    }


@contextmanager
def redis_server(url):
    if url:
        yield url
        return
    port = free_port()
    process = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.3)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_infra")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = {}
    with redis_server(args.redis_url) as redis_url:
        args.redis_url = redis_url
        env = environment(args.database_url, redis_url, args.port)
        ensure_database(args.database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo", capture=True)
        with gunicorn(env, args.port) as base:
            _, _, home = get(f"{base}/")
            article = next(part.split('"')[0] for part in home.split('href="')[1:] if part.startswith("/tin-tuc/"))
            print("long headers…", flush=True)
            results["long_headers"] = long_headers(base)
            print("counter inflation…", flush=True)
            results["counter_inflation"] = inflation(base, env)
        print("hung Redis…", flush=True)
        results["hung_redis"] = hung(args, args.port, article, service="redis")
        print("hung PostgreSQL…", flush=True)
        redis.Redis.from_url(redis_url).flushdb()  # no page cached: every page needs the database
        results["hung_postgresql"] = hung(args, args.port, article, service="postgresql")
    results["load_average"] = os.getloadavg()
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
