# The two commands of the README: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE_DEV := DEBUG=true $(PY) manage.py
# Tests use config.test_settings (pyproject.toml); manage.py checks below use the same.
MANAGE_TEST := DJANGO_SETTINGS_MODULE=config.test_settings $(PY) manage.py
PYTEST := $(PY) -m pytest
DEMO_CENTRES ?= 3
DEMO_EMPLOYEES ?= 40

.PHONY: run test venv system-deps-run system-deps-test lint messages compilemessages test-sqlite test-postgres test-browser bench load clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip >/dev/null
	@$(PYTHON) scripts/requirements.py dev demo > $(VENV)/requirements.txt
	$(PY) -m pip install -q -c requirements.lock -r $(VENV)/requirements.txt
	@touch $(STAMP)

venv: $(STAMP)

system-deps-run:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

# Compiles locale/ and locale/overrides/ (Django's and the packages' strings our users see; settings.LOCALE_PATHS).
compilemessages: $(STAMP)
	@$(MANAGE_DEV) compilemessages --ignore=.venv --ignore=var -v 0

# Regenerate the kk and ru catalogues from the code (then translate the new entries). Our copies of Django's and
# simple_history's admin templates keep those packages' msgids, translated in locale/overrides, not here.
messages: $(STAMP)
	$(MANAGE_DEV) makemessages -l kk -l ru -l en --ignore=.venv --ignore=var --ignore=tests --ignore=templates/admin \
		--ignore=templates/simple_history --no-obsolete

run: system-deps-run $(STAMP) compilemessages
	@mkdir -p var
	@$(MANAGE_DEV) migrate --no-input -v 0
	@$(MANAGE_DEV) load_catalogue
	@$(MANAGE_DEV) seed_demo --centres $(DEMO_CENTRES) --employees-per-centre $(DEMO_EMPLOYEES) --if-empty
	@$(MANAGE_DEV) seed_demo_personnel --if-empty
	@$(MANAGE_DEV) demo_users
	@$(MANAGE_DEV) apply_scheduled_changes -v 0
	@$(MANAGE_DEV) purge -v 0
	$(MANAGE_DEV) runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	$(MANAGE_TEST) check
	$(MANAGE_TEST) makemigrations --check --dry-run

test-sqlite: $(STAMP) compilemessages
	@echo "== pytest on SQLite =="
	$(PYTEST) -m "not browser" -q

test-postgres: $(STAMP) compilemessages
	@echo "== pytest on PostgreSQL 15 =="
	scripts/with-postgres.sh $(PYTEST) -m "not browser" -q

test-browser: $(STAMP) compilemessages
	@echo "== browser tests (headless Chromium) =="
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PYTEST) -m browser -q --screenshot=only-on-failure --output=var/test-artifacts

test: system-deps-test lint test-sqlite test-postgres test-browser

# Numbers at national scale (bench/README.md), each against a throwaway PostgreSQL 15 like test-postgres.
# Production settings (config.settings) with DEBUG off and a throwaway key.
bench load: BENCH_ENV = DJANGO_SETTINGS_MODULE=config.settings DEBUG=false SECURE_SSL_REDIRECT=false \
	SECRET_KEY=bench-only-key-not-for-production-0123456789abcdefghijklmnop ALLOWED_HOSTS=testserver,127.0.0.1,localhost

# make bench [SCALE=10]: 200 × SCALE centres of 50 employees; prints a table, writes bench/results/latest.json.
bench: $(STAMP) compilemessages
	@test -x /usr/lib/postgresql/15/bin/initdb || scripts/system-deps.sh test
	$(BENCH_ENV) SCALE=$(or $(SCALE),1) scripts/with-postgres.sh $(PY) -m bench.run

# make load: gunicorn (2 workers per core), 20 signed-in users for 30 s; fails on any error.
load: $(STAMP) compilemessages
	@test -x /usr/lib/postgresql/15/bin/initdb || scripts/system-deps.sh test
	$(BENCH_ENV) scripts/with-postgres.sh $(PY) -m bench.load

clean:
	rm -rf var/test-artifacts var/test-media
