"""The load of `make bench` when wrk is not installed: every simulated user fetches BENCH_PATH.

BENCH_HEADERS (JSON) are the request headers: the reader's User-Agent, ``Connection: close`` for a ceiling.
"""

import json
import os

from locust import FastHttpUser, task

PATH = os.environ.get("BENCH_PATH", "/")
HEADERS = json.loads(os.environ.get("BENCH_HEADERS", "{}"))


class Reader(FastHttpUser):
    @task
    def read(self):
        self.client.get(PATH, headers=HEADERS)
