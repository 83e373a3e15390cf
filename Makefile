# Set-up and everyday commands. Only Python 3.11+ and make are needed on the machine.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help venv run test lint format migrate seed serve messages clean bench bench-two bench-scaling

help:
	@echo "make run     serve the demo province and its communes (addresses printed), e.g. http://127.0.0.1:$(PORT)"
	@echo "make test    run the whole test suite (SQLite, or PostgreSQL with DATABASE_URL)"
	@echo "make lint    ruff check and format check, the import layers (lint-imports)"
	@echo "make serve   production set-up locally: gunicorn, DEBUG off"
	@echo "make bench   load test behind nginx (the repository's site file) + gunicorn + PostgreSQL (bench/results.json)"
	@echo "make bench-scaling   page times at 1,000 and 100,000 articles (bench/scaling.json)"

$(INSTALLED): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(INSTALLED)

run: venv
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo --port $(PORT)
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: venv
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: venv
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --ignore=.venv
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

serve: venv
	$(BIN)/python manage.py collectstatic --noinput
	$(BIN)/python manage.py migrate --noinput
	GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn portal.wsgi

# Benchmark (not part of `make test`): nginx with deploy/nginx-portal.conf in front of gunicorn + PostgreSQL +
# Redis with generated data, wrk or locust on loopback, ceilings measured in the same run; writes
# bench/results.json. bench-two runs two instances against one PostgreSQL and one Redis.
bench: venv
	$(BIN)/python bench/run.py

bench-two: venv
	BENCH_INSTANCES=2 $(BIN)/python bench/run.py

# Each public page timed at 1,000 and at 100,000 articles, with its query plan (bench/scaling.json).
bench-scaling: venv
	$(BIN)/python bench/scaling.py

clean:
	rm -rf $(VENV) staticfiles artifacts
