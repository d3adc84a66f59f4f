# Wij(k) de Ruwaard — the verbs: run, dev, test, lint, bench, load, lock.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp
# The browser tests' axe-core and make bench's lighthouse come from package.json (skipped where npm is absent).
NPM_CI := test -d node_modules/axe-core && test -d node_modules/lighthouse || ! command -v npm >/dev/null || npm ci --no-audit --no-fund --loglevel=error
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install lock prepare run dev serve test lint format bench load messages check clean

# Installs exactly what requirements.lock pins (ranges live in pyproject.toml; `make lock` refreshes it).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## make lock: pin the newest versions within pyproject.toml's ranges, with hashes, into requirements.lock
lock:
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet "uv>=0.5,<1"
	$(BIN)/uv pip compile pyproject.toml --extra test --extra sentry --generate-hashes --universal \
		--python-version 3.11 --custom-compile-command "make lock" -q -o requirements.lock

# collectstatic hashes and compresses every file (a minute on a busy machine): only when a static file or
# the installed packages changed since the last run, or STATIC_ROOT points elsewhere.
STATIC_SOURCES := $(shell find platform activities marketplace stories search -path '*/static/*' -type f 2>/dev/null)
STATIC_STAMP := staticfiles/.collected

$(STATIC_STAMP): $(STAMP) $(STATIC_SOURCES)
	$(BIN)/python manage.py collectstatic --noinput -v0
	touch $@

prepare: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py vapid_keys --first-start
	$(BIN)/python manage.py load_demo
	@if [ -n "$$STATIC_ROOT$$WIJK_DATA_DIR" ]; then $(BIN)/python manage.py collectstatic --noinput -v0; \
	else $(MAKE) --no-print-directory $(STATIC_STAMP); fi

## make run: install, migrate, load the demo content, then web + worker + scheduler (Ctrl-C stops all)
run: export DJANGO_SETTINGS_MODULE := wijk.settings.base
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: prepare serve

## make dev: the same with DEBUG on (Django's error pages, media served)
dev: export DEBUG := 1
dev: export DJANGO_SETTINGS_MODULE := wijk.settings.dev
dev: export SITE_URL ?= http://$(HOST):$(PORT)
dev: prepare serve

serve:
	@echo ""
	@echo "  Wij(k) de Ruwaard draait op http://$(HOST):$(PORT)/"
	@echo ""
	WEB_HOST=$(HOST) WEB_PORT=$(PORT) $(BIN)/honcho start -f Procfile

## make load: requests/s and p50/p95/p99 of the main pages, 2 web processes, production settings
load: install
	$(BIN)/python -m pytest tests/wijk/test_load.py -m load -p no:xdist -q -s

## make test: every test, on SQLite unless DATABASE_URL / REDIS_URL are set
test: install
	$(NPM_CI)
	$(BIN)/python -m pytest -n auto

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench: the budgets of DESIGN.md, measured (tests/perf)
bench: install
	$(NPM_CI)
	$(BIN)/python -m pytest tests/perf -m perf -p no:xdist -q -s

messages: install
	$(BIN)/python manage.py makemessages -l nl -l en --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*"
	$(BIN)/python manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*"

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
