"""gunicorn settings for production: ``gunicorn portal.wsgi`` picks this file up by itself."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two workers per core plus one: the portal's work is mostly waiting on PostgreSQL and Redis.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
preload_app = True
accesslog = "-"
errorlog = "-"
# No client address in the access log: time, request line, status, size, duration (µs).
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(D)s'
