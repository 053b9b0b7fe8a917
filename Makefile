# Two commands for everyone: `make lab` (open the module) and `make test` (run every test).
# Both create .venv when it is missing and install exact pinned versions into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NBVAL  := --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg
# Notebooks (and their kernels, which inherit PYTHONPATH) run with outbound network blocked.
OFFLINE := PYTHONPATH=tests/offline

.PHONY: lab test venv test-venv unit notebooks instructor browser pin site slides bench clean

# JupyterLab refuses to run as root unless told; containers and some hubs run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/.runtime-installed
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

test: $(VENV)/.test-installed
	$(BIN)/ruff check helpers tests scripts notebooks
	$(BIN)/python -m pytest tests helpers scripts/editions.py --ignore=tests/browser
	$(OFFLINE) $(BIN)/python -m pytest $(NBVAL) notebooks
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py
	$(OFFLINE) $(BIN)/python -m pytest $(NBVAL) instructor
	$(BIN)/python -m pytest tests/browser

venv: $(VENV)/.runtime-installed

test-venv: $(VENV)/.test-installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt constraints.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests helpers scripts/editions.py --ignore=tests/browser

notebooks: $(VENV)/.test-installed
	$(OFFLINE) $(BIN)/python -m pytest $(NBVAL) notebooks

# The instructor edition (instructor/, not committed): solutions filled in and executed,
# instructor notes under the discussion prompts. Fails if a solution does not pass its check.
# Also the printable packet, role cards and document sheets (instructor/*.html).
instructor: $(VENV)/.runtime-installed
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py
	$(OFFLINE) $(BIN)/python scripts/build_packet.py

pin: $(VENV)/.test-installed
	$(BIN)/python scripts/pin_outputs.py notebooks/*.ipynb

browser: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/browser

# Reader edition: every notebook executed and exported as static HTML that opens offline
# (widget JavaScript from pinned npm packages, fetched once with `npm pack` into build/).
site: $(VENV)/.test-installed
	rm -rf site
	$(BIN)/python scripts/build_site.py --out site

# Projector view: one reveal.js deck per notebook in slides/ (code hidden, large text, speaker
# notes behind S), offline; reveal.js comes from a pinned npm package fetched into build/.
slides: $(VENV)/.test-installed
	rm -rf slides
	$(OFFLINE) $(BIN)/python scripts/build_slides.py --out slides

# Benchmark (not part of `make test`): times, memory and install size against the
# budgets; writes bench/results.md (commit it; the README quotes it).
bench: $(VENV)/.test-installed
	$(BIN)/python scripts/bench.py --repeat 5 --out bench/results.md --readme README.md

clean:
	rm -rf $(VENV) build instructor site slides *.egg-info
