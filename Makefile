# kgraph: `make demo` builds the sample articles into exports/, `make test` runs every test.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.kgraph-installed
SHARED  ?= ../shared

.PHONY: demo test test-fast eval bench browser clean help

help:
	@echo "make demo   create $(VENV), install kgraph, build examples/ into exports/"
	@echo "make test   install, then run the whole test suite (model, browser, server, Dask tiers)"
	@echo "make eval   score extraction on the dev sets in $(SHARED)/eval"
	@echo "make bench  run the benchmarks (ratios, see benchmarks/RESULTS.md)"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/kgraph build examples/ -o exports/

# Headless Chromium for the HTML view's browser tests (Debian package; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(PY) -m pytest tests --doctest-modules src/kgraph

test-fast: $(STAMP)
	$(PY) -m pytest tests -m "not model and not browser and not server and not slow"

eval: $(STAMP)
	$(VENV)/bin/kgraph evaluate --set all --shared $(SHARED) -o exports/eval.json

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf exports/ .pytest_cache build dist src/*.egg-info
