# Desa Binaan — two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
# Interpreters tried for the virtualenv, first that runs and is 3.11–3.13 wins (newest first, then plain python3).
# Each is run rather than looked up: a pyenv shim can exist for a version that is not installed.
PYTHON ?= python3.13 python3.12 python3.11 python3
PYTHON_SUPPORTED := -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'
VENV := .venv
PY := $(VENV)/bin/python
# The whole dependency tree (runtime and dev) pinned with hashes for Python 3.11–3.13 on every platform; `make lock`.
LOCK := requirements/lock.txt
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test serve bench lint format screenshots messages install chromium db demo clean node fuzz load soak typecheck

$(PY):
	@for p in $(PYTHON); do $$p $(PYTHON_SUPPORTED) 2>/dev/null && exec $$p -m venv $(VENV); done; \
	echo "Butuh Python 3.11, 3.12 atau 3.13; tidak ada yang jalan di antara: $(PYTHON)." >&2; \
	echo "Pasang salah satunya, atau tunjuk langsung: make PYTHON=/jalur/ke/python3.12" >&2; exit 1

# Exactly the locked versions, hash-checked; the project itself without resolving anything again.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

# Re-resolve the lock after changing a dependency in pyproject.toml, then commit both. uv (a dev dependency) resolves
# once for Python 3.11–3.13 on every platform (--universal) and records every file's hash. Pins already in the lock
# are kept unless pyproject.toml needs otherwise; `make lock LOCK_ARGS=--upgrade` moves transitive pins to the newest.
.PHONY: lock
lock: $(VENV)/.installed
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --generate-hashes --quiet \
		--custom-compile-command "make lock" --output-file $(LOCK) $(LOCK_ARGS)

install: $(VENV)/.installed var/.env
	@mkdir -p var/static var/media

# Development secrets, generated once per clone and never committed (var/ is ignored).
var/.env: | $(PY)
	@mkdir -p var
	@$(PY) -c 'import base64, os, secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50)); print("NIK_ENCRYPTION_KEYS=" + base64.urlsafe_b64encode(os.urandom(32)).decode()); print("NIK_HASH_KEY=" + secrets.token_urlsafe(48))' > $@
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

# The web server and one background worker (imports, reports, live figures) in one command; Ctrl-C stops both.
run: demo
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" DEBUG=1 $(VENV)/bin/honcho -f Procfile start -p $(PORT)

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
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" HTTPS=0 DEMO_MODE=1 WORKERS=$${WORKERS:-4} \
		$(VENV)/bin/honcho -f Procfile.serve start -p $(PORT)

# The long API fuzz run (the short one is part of `make test`); extra schemathesis options via FUZZ_ARGS.
fuzz: demo
	$(PY) bench/load/fuzz.py $(FUZZ_ARGS)

# Load test: gunicorn on 127.0.0.1 (free port) over a copy of the demo database, locust headless for 60 s.
load: demo
	$(PY) bench/load/run.py $(LOAD_ARGS)

# The same mix for 10 minutes, with the server processes' memory growth.
soak: demo
	$(PY) bench/load/run.py --soak $(LOAD_ARGS)

# The benchmarks' comparison tools (splink with DuckDB) live in their own virtualenv, never in the app's tree.
BENCH_VENV := var/bench-venv
BENCH_LOCK := requirements/bench-lock.txt
$(BENCH_VENV)/.installed: $(BENCH_LOCK) | $(PY)
	@test -x $(BENCH_VENV)/bin/python || $(PY) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet --require-hashes -r $(BENCH_LOCK)
	@touch $@

# Re-resolve the bench tools' lock after changing requirements/bench.in.
.PHONY: bench-lock
bench-lock: $(VENV)/.installed
	$(VENV)/bin/uv pip compile requirements/bench.in --universal --python-version 3.11 --generate-hashes --quiet \
		--custom-compile-command "make bench-lock" --output-file $(BENCH_LOCK) $(LOCK_ARGS)

bench: install messages $(BENCH_VENV)/.installed
	$(PY) bench/run.py $(BENCH_ARGS)

# Many machines rehearsed on one (loopback): HAProxy, two gunicorn app servers, PostgreSQL primary and streaming
# replica, two RQ workers on Redis. docs/deploy.md "Cluster". Nothing of it runs in `make test`.
.PHONY: cluster cluster-stop cluster-load
cluster: install messages
	@command -v haproxy >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null)
	$(PY) deploy/cluster/cluster.py start

cluster-load: install
	$(PY) deploy/cluster/load.py $(LOAD_ARGS)

cluster-stop:
	$(PY) deploy/cluster/cluster.py stop $(if $(PURGE),--purge)

screenshots: install messages chromium
	$(PY) -m pytest -m browser -k "screenshots or accessibility" --screenshots

clean:
	rm -rf $(VENV) var
