# news-actors: two commands on a fresh clone.
#   make report   run every notebook on the default article and write reports/<slug>/
#   make test     run every test (unit tests, strict nbval, browser tests)
# Both build the environment (.venv/) first when it is missing.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
KERNEL := news-actors

ARTICLE ?=
PUBLISHED ?=
TITLE ?=
SOURCE ?=
URL ?=

.DEFAULT_GOAL := help
.PHONY: help env report test lint test-unit test-notebooks test-browser lab annotate corpus notebooks bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'
	@echo "  variables: ARTICLE=path [PUBLISHED=YYYY-MM-DD TITLE=.. SOURCE=.. URL=.. LANGUAGE=en ALLOW_FUTURE=1]"
	@echo "             CORPUS=folder-or-glob [OUT=dir PROCESSES=n DASK=tcp://host:port|local] for corpus"

env: $(STAMP) ## build .venv with pinned packages, the helpers package and the Jupyter kernel

$(STAMP): requirements.txt requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, found " + sys.version.split()[0]' \
	  || { echo "error: Python 3.11 is needed; install it or run: make env PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3.11 (news-actors)" >/dev/null
	$(PY) -m pip check
	@touch $@

corpus: $(STAMP) ## annotate every article of CORPUS (a folder or quoted glob; default data/corpus/) into OUT
	$(PY) -m helpers annotate-corpus "$(or $(CORPUS),data/corpus)" --out "$(or $(OUT),data/processed/corpus)" \
	  $(if $(PROCESSES),--processes $(PROCESSES)) $(if $(DASK),--dask "$(DASK)")

report: $(STAMP) ## run the notebooks on ARTICLE (default: the Iran-Belarus article) into reports/<slug>/
	$(PY) -m helpers report $(if $(ARTICLE),"$(ARTICLE)") \
	  $(if $(PUBLISHED),--published "$(PUBLISHED)") $(if $(TITLE),--title "$(TITLE)") \
	  $(if $(SOURCE),--source "$(SOURCE)") $(if $(URL),--url "$(URL)") \
	  $(if $(LANGUAGE),--language "$(LANGUAGE)") $(if $(ALLOW_FUTURE),--allow-future)

annotate: $(STAMP) ## write the annotation tables of ARTICLE (default article if empty)
	$(PY) -m helpers annotate "$(or $(ARTICLE),data/raw/iran-belarus-2023/iran-belarus-2023.txt)" \
	  $(if $(PUBLISHED),--published "$(PUBLISHED)") $(if $(TITLE),--title "$(TITLE)") \
	  $(if $(SOURCE),--source "$(SOURCE)") $(if $(URL),--url "$(URL)")

test: lint ## all tests: lint and types, helpers, strict nbval over notebooks/, browser tests
	$(PY) -m pytest tests notebooks --nbval --nbval-sanitize-with tests/sanitize.cfg \
	  --nbval-kernel-name $(KERNEL)

lint: $(STAMP) ## ruff (lint and format check, notebooks included) and mypy on helpers/ (rules: pyproject.toml)
	$(VENV)/bin/ruff check helpers tests benchmarks scripts notebooks
	$(VENV)/bin/ruff format --check helpers tests benchmarks scripts notebooks
	$(VENV)/bin/mypy

test-unit: $(STAMP) ## unit tests of the helpers only
	$(PY) -m pytest tests -m "not browser"

lab: $(STAMP) ## start JupyterLab on the notebooks with the project kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

notebooks: $(STAMP) ## re-execute the committed notebooks in place (after changing helpers)
	$(PY) -m helpers notebooks

bench: $(STAMP) ## timings (make report, stages, dictionaries, corpus throughput) and quality on unseen text
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/annotate_bench.py
	$(PY) benchmarks/events_bench.py all
	$(PY) benchmarks/corpus_bench.py
	$(PY) benchmarks/long_bench.py
	$(PY) benchmarks/corrections_bench.py

clean: ## remove reports/ and caches (keeps .venv)
	rm -rf reports .pytest_cache test-artifacts
