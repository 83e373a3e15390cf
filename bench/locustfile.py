"""The load of `make bench` when wrk is not installed: every simulated user fetches BENCH_PATH."""

import os

from locust import FastHttpUser, task

PATH = os.environ.get("BENCH_PATH", "/")


class Reader(FastHttpUser):
    @task
    def read(self):
        self.client.get(PATH, headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"})
