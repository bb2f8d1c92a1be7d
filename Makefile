# Two entry points: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE := fixtures/articles/2025-09-03-putin-china-press.txt

.PHONY: demo test lint typecheck unit eval native native-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/summarizer brief $(ARTICLE) --format text

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check summarizer tests bench
	$(BIN)/ruff format --check summarizer tests bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# Replays every fixture case offline and compares with the saved baseline: a prompt or schema
# change that makes a recording stale, or a score drop, fails the build.
eval: $(VENV)/.installed-dev
	$(BIN)/summarizer eval --out build/eval

# The compiled rules engine (optional: the same modules through mypyc, same output, faster).
# `make native` builds it into summarizer/rules/_compiled/; the engine uses it only while it
# matches the sources. `make test` builds it where there is a C compiler and runs the engine's
# tests on it as well, the pure-versus-compiled output check among them.
native: $(VENV)/.installed-dev
	$(BIN)/python -m summarizer.rules

native-test: $(VENV)/.installed-dev
	$(BIN)/python -m summarizer.rules --if-possible
	@if $(BIN)/python -c 'import sys, summarizer.rules as r; sys.exit(r.BUILD != "compiled (mypyc)")'; \
	then $(BIN)/python -m pytest tests/rules; \
	else echo "rules engine tests ran on the pure-Python modules only"; fi

test: lint typecheck unit eval native-test

bench: $(VENV)/.installed-dev
	set -e; for b in bench_core bench_align soak_cli bench_rules compare_rules rules_quality; do \
		echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py; done

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache summarizer/rules/_compiled
