# newslens: the single entry point. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.newslens-stamp

# Python 3.12: the first interpreter on this list that really is 3.12 (pyenv shims may not be).
PYTHON312 ?= $(shell for p in python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12 \
	/usr/local/bin/python3.12 /usr/bin/python3.12; do \
	$$p -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null && { echo $$p; break; }; done)

CORPUS ?= seeds
OUT ?= outputs
ARGS ?=
# A make variable's raw value as one single-quoted shell word (a ' inside is closed, escaped
# and reopened), so CORPUS and OUT arrive as one argument each: a glob matching several
# files, a path with spaces, quotes or $ in it.
shell_word = '$(subst ','\'',$(value $(1)))'

.PHONY: help setup run test lab lint format freeze bench clean train-frames

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'
	@echo "  variables: CORPUS=$(CORPUS) OUT=$(OUT) ARGS='extra options for newslens run'"

setup: $(STAMP) ## create .venv (Python 3.12, pinned packages, model, VADER lexicon, kernel); no-op when current

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON312)" || { echo "make: Python 3.12 not found (set PYTHON312=/path/to/python3.12)" >&2; exit 2; }
	@test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m newslens setup
	@touch $@

run: $(STAMP) ## run every notebook over CORPUS (default: seeds/) into OUT/<run-id>/
	$(PY) -m newslens run --corpus $(call shell_word,CORPUS) --out $(call shell_word,OUT) $(ARGS)

test: $(STAMP) ## run the whole test suite
	$(PY) -m pytest

lab: $(STAMP) ## open JupyterLab on notebooks/ with the newslens kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

lint: $(STAMP) ## ruff check and format check (code and notebooks), mypy on the library
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy lib/newslens

format: $(STAMP) ## ruff fix and format (code and notebooks)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

freeze: $(STAMP) ## rewrite requirements.txt from the environment
	@{ echo "# Pinned environment for newslens (Python 3.12). Regenerate with: make freeze"; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^newslens'; } > requirements.txt.new
	@mv requirements.txt.new requirements.txt

train-frames: $(STAMP) ## retrain the frame classifier (ARGS='--labels my.csv --corpus my.jsonl --out m.json')
	$(PY) -m newslens train-frames $(ARGS)

bench: $(STAMP) ## run the speed and quality benchmarks in benchmarks/
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean: ## remove the environment and caches (keeps outputs/)
	rm -rf $(VENV) .pytest_cache .ruff_cache lib/*.egg-info
