# Two commands on a fresh machine:
#   make run   – virtualenv, install, migrate, demo content, admin login, serve on :8000
#   make test  – the whole test suite (real PostgreSQL/Redis where they run, else SQLite)
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= miteinander-demo

.PHONY: run test fuzz lint format install system-packages bench-api bench-send bench-variants bench-pages bench-search bench-scale check-deploy check-compose prod-smoke axe-all clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v0

system-packages:
	./scripts/install-system-packages.sh

run: install
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py load_demo --port $(PORT)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py ensure_admin --username $(ADMIN_USER) --password $(ADMIN_PASSWORD)
	@echo "Miteinander runs on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/, user $(ADMIN_USER), password $(ADMIN_PASSWORD))"
	@echo "Demo networks: http://altona.localhost:$(PORT)/ hildesheim. hannover. hameln. herne.localhost"
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs in TEST_WORKERS processes (pytest-xdist); each has its own test database,
# Redis database, queues and media folder (cms/settings/test.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: install
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Longer API fuzzing for operators: every phase of schemathesis (incl. its boundary-value
# coverage phase) with more examples per operation; FUZZ_SEED=… to explore other inputs.
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} FUZZ_PHASES=$${FUZZ_PHASES:-examples,coverage,fuzzing,stateful} \
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest tests/test_api_fuzz.py -s $(PYTEST_ARGS)

bench-api: install
	$(BIN)/python bench/api_bench.py

bench-send: install
	$(BIN)/python bench/send_bench.py
bench-variants: install
	$(BIN)/python bench/variants_bench.py
bench-pages: install
	$(BIN)/python bench/pages_bench.py

bench-search: install
	$(BIN)/python bench/search_bench.py

# On demand, not in CI: builds 10,000 pages, 100,000 subscribers and 1,000,000 deliveries first.
bench-scale: install
	$(BIN)/python bench/scale_bench.py

# On demand, not in CI (CI checks every language on one network each): axe-core over every page
# type of every demo network in every language, on a server and database (var/) of its own; prints
# the table. AXE_ARGS="--details" lists every finding, "--networks hameln --languages ar" narrows.
AXE_PORT ?= 8765
AXE_ENV = DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL=sqlite:///$(CURDIR)/var/axe-crawl.sqlite3
axe-all: install
	mkdir -p var
	$(AXE_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(AXE_ENV) $(BIN)/python manage.py load_demo --quiet --port $(AXE_PORT)
	$(AXE_ENV) $(BIN)/python scripts/axe_crawl.py --translate-demo --translate-only 2>&1 | tail -n 1
	$(AXE_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(AXE_PORT) --noreload >/dev/null 2>&1 & \
	server=$$!; trap 'kill $$server' EXIT; \
	$(AXE_ENV) PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python scripts/axe_crawl.py --port $(AXE_PORT) $(AXE_ARGS)

check-deploy: install
	SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=example.org \
	DJANGO_SETTINGS_MODULE=cms.settings.production $(BIN)/python manage.py check --deploy --fail-level WARNING

check-compose: install
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

# The production shape as local processes: gunicorn, Celery worker and beat, PostgreSQL, Redis, SMTP.
prod-smoke: install
	./scripts/prod-smoke.sh

clean:
	rm -rf $(VENV) db.sqlite3 media var
