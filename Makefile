# Tinklas: `make demo` serves the demo network, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2
HOST ?= 127.0.0.1:8000
# The settings leave development mode off unless asked for; these commands are for
# development (check-deploy and the production-server tests turn it off again).
export DJANGO_DEBUG ?= true

.PHONY: install demo demo-code serve migrate messages catalogue test test-postgresql browser-test server-test api-contract chromium lint format typecheck check-deploy bench lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock build-constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --build-constraint build-constraints.txt \
		--constraint requirements.lock --editable ".[dev]"
	touch $(STAMP)

messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0

# Regenerates the Lithuanian catalogue from the sources (the open-data README is Markdown).
catalogue: install
	$(BIN)/python manage.py makemessages -l lt -e html,txt,py,md --no-obsolete \
		--ignore=.venv --ignore=benchmarks --ignore=browser_tests

migrate: install messages
	$(BIN)/python manage.py migrate --no-input -v 0

# The demo serves with a background worker beside the web server (large imports, the
# register, the nightly recount of members); stopping the server stops both.
demo: migrate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py schedule_member_recount
	$(BIN)/python manage.py db_worker --no-reload -v 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST)

# The demo staff account's current two-factor code.
demo-code: install
	@$(BIN)/python manage.py demo_code

serve: migrate
	$(BIN)/python manage.py schedule_member_recount
	$(BIN)/python manage.py db_worker --no-reload -v 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST)

test: install messages
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -q

# The whole suite against PostgreSQL (the server must be running; .ci/run starts it).
test-postgresql: install messages
	DATABASE_URL=$${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/tinklas} \
		$(BIN)/python -m pytest -n $(PYTEST_WORKERS) -q

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

browser-test: install messages chromium
	$(BIN)/python -m pytest browser_tests -q -p no:xdist

# The production server (gunicorn, DJANGO_DEBUG=false) on a throwaway demo database: staff
# sign-in and upload limits as an attacker would meet them.
server-test: install messages
	$(BIN)/python -m pytest server_tests -q -p no:xdist

# The API against its own OpenAPI schema: a server on a throwaway database holding the demo
# network, and schemathesis sending generated requests (with the demo staff's token, so that
# writes are exercised too); no answer may be a server error or differ from the schema.
API_CONTRACT_EXAMPLES ?= 20
api-contract: install messages
	@set -e; workdir=$$(mktemp -d); server=; \
	trap 'test -z "$$server" || kill $$server 2>/dev/null; rm -rf $$workdir' EXIT INT TERM; \
	export TINKLAS_VAR_DIR=$$workdir DATABASE_URL=sqlite:///$$workdir/contract.sqlite3 \
		TASKS_IMMEDIATE=true API_THROTTLE_ANONYMOUS=1000000/min API_THROTTLE_USER=1000000/min; \
	port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(BIN)/python manage.py migrate --no-input -v 0; \
	$(BIN)/python manage.py seed_demo >/dev/null; \
	key=$$($(BIN)/python manage.py create_api_token staff@example.org "API contract"); \
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$$port >$$workdir/server.log 2>&1 & server=$$!; \
	$(BIN)/schemathesis run "http://127.0.0.1:$$port/api/schema/?format=json" \
		--checks not_a_server_error,status_code_conformance,response_schema_conformance \
		--phases examples,coverage,fuzzing --max-examples $(API_CONTRACT_EXAMPLES) \
		--wait-for-schema 60 --header "Authorization: Token $$key" --no-color \
		--generation-database none \
		|| { tail -n 40 $$workdir/server.log; exit 1; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install
	DJANGO_DEBUG=false ALLOWED_HOSTS=tinklas.example.org \
		SECRET_KEY=check-deploy-only-secret-key-with-more-than-fifty-characters-0123456789 \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

bench: migrate
	$(BIN)/python -m benchmarks.run

lock: install
	( echo "# Exact versions of every package in the environment (make install uses it as constraints)."; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf $(VENV) var staticfiles
