"""gunicorn settings for production: ``gunicorn portal.wsgi`` picks this file up by itself."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One worker per core, and one more to use the CPU while the others wait on Redis or PostgreSQL: a
# page is a few milliseconds of Python and nginx buffers slow clients, so more workers only take
# turns on the CPU (measured on 2 cores: 5 workers served 12 % fewer fresh pages than 2 with twice
# the p99; 3 served as many fresh pages and 15 % more cached ones). Raise GUNICORN_WORKERS if the
# portal waits on something slow (a remote database, say).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Larger than nginx's large_client_header_buffers (deploy/nginx-portal.conf): nginx refuses an over-long
# request line or header first, with a Vietnamese page, and gunicorn's English ones never show. Its
# Server header ("gunicorn", no version) never passes nginx, which sends its own.
limit_request_line = 8190
limit_request_field_size = 8190
# Recycle workers now and then so that a slow leak can never grow without bound.
max_requests = 20000
max_requests_jitter = 2000
preload_app = True
# nginx writes the access log, without client addresses (deploy/nginx-portal.conf); gunicorn only logs errors.
accesslog = None
errorlog = "-"
