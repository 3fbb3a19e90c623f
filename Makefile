# Desa Binaan — two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test serve bench lint format screenshots messages install chromium db demo clean node fuzz load soak typecheck

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed var/.env
	@mkdir -p var/static var/media

# Development secrets, generated once per clone and never committed (var/ is ignored).
var/.env:
	@mkdir -p var
	@$(PYTHON) -c 'import base64, os, secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50)); print("NIK_ENCRYPTION_KEYS=" + base64.urlsafe_b64encode(os.urandom(32)).decode()); print("NIK_HASH_KEY=" + secrets.token_urlsafe(48))' > $@
	@echo "Kunci pengembangan ditulis ke $@"

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	msgfmt --check-format -o $@ $<

messages: $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

db: install messages
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py import_regions

demo: db
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py refresh_stats --changed

run: demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# axe-core for the accessibility tests, from the npm registry at the version package-lock.json pins.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node: node_modules/axe-core/axe.min.js

test: install messages chromium node
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint desabinaan --lint
	$(VENV)/bin/mypy

# Static types of lib/ and the services modules; configuration in pyproject.toml [tool.mypy].
typecheck: install
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Production-like: gunicorn, several workers, DEBUG off, static files through WhiteNoise. HTTPS=0 only because
# this serves plain HTTP on loopback; behind a TLS proxy leave HTTPS on and set BEHIND_PROXY=1.
serve: demo
	HTTPS=0 DEMO_MODE=1 $(PY) manage.py collectstatic --noinput -v0
	HTTPS=0 DEMO_MODE=1 $(VENV)/bin/gunicorn desabinaan.wsgi --bind 127.0.0.1:$(PORT) --workers $${WORKERS:-4} --access-logfile -

# The long API fuzz run (the short one is part of `make test`); extra schemathesis options via FUZZ_ARGS.
fuzz: demo
	$(PY) bench/load/fuzz.py $(FUZZ_ARGS)

# Load test: gunicorn on 127.0.0.1 (free port) over a copy of the demo database, locust headless for 60 s.
load: demo
	$(PY) bench/load/run.py $(LOAD_ARGS)

# The same mix for 10 minutes, with the server processes' memory growth.
soak: demo
	$(PY) bench/load/run.py --soak $(LOAD_ARGS)

bench: install messages
	$(PY) bench/run.py

screenshots: install messages chromium
	$(PY) -m pytest -m browser -k "screenshots or accessibility" --screenshots

clean:
	rm -rf $(VENV) var
