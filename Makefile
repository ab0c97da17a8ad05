# Two commands do everything on a fresh machine with python3 and make: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test validate serve bench lint typecheck clean setup

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

validate: $(VENV)/.installed
	$(PY) -m generator validate --strict

site: setup validate
	$(PY) -m generator bundle
	$(PY) -m mkdocs build --strict

serve: setup
	$(PY) -m mkdocs serve

lint: $(VENV)/.installed
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench

typecheck: $(VENV)/.installed
	$(PY) -m mypy

test: setup lint typecheck
	$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) bench/bench_validate.py
	$(PY) bench/bench_site.py

clean:
	rm -rf site dist bench/out .pytest_cache .mypy_cache .ruff_cache
