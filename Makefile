# Wij(k) de Ruwaard — the verbs: run, test, lint, bench.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install run serve test lint format bench messages check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## make run: install, migrate, load the demo content and serve on $(HOST):$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py collectstatic --noinput -v0
	@$(MAKE) --no-print-directory serve

serve:
	@echo ""
	@echo "  Wij(k) de Ruwaard draait op http://$(HOST):$(PORT)/"
	@echo ""
	$(BIN)/daphne -b $(HOST) -p $(PORT) wijk.asgi:application

## make test: every test, on SQLite unless DATABASE_URL / REDIS_URL are set
test: install
	$(BIN)/python -m pytest -n auto

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench: the budgets of DESIGN.md, measured (tests/perf)
bench: install
	$(BIN)/python -m pytest tests/perf -m perf -p no:xdist -q -s

messages: install
	$(BIN)/python manage.py makemessages -l nl -l en --ignore ".venv/*" --ignore "node_modules/*" --ignore "tests/*"
	$(BIN)/python manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*"

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
