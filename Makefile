# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.app-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(VENV)/.app-installed $@

## Start the app on the embedded PostgreSQL (data/pg, started on first use).
run: $(VENV)/.app-installed
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1 --browser.gatherUsageStats false

## Lint, type-check and run the whole test suite.
test: $(VENV)/.dev-installed
	./scripts/test-deps.sh
	$(MAKE) lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

## Two workers (pytest-xdist; each module stays on one worker, with its own servers):
## the browser tests wait on servers and pages much of the time. TEST_WORKERS=0 runs serially.
TEST_WORKERS ?= 2
pytest: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

## Print the benchmark figures (not part of the test run).
bench: $(VENV)/.dev-installed
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
