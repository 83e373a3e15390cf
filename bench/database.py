"""The benchmark databases: created on the PostgreSQL server when missing, so `make bench` runs on a new machine."""

import subprocess


def ensure_database(url):
    """Create the database named at the end of a postgres:// URL unless the server already has it."""
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server, "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if not exists:
        subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)
