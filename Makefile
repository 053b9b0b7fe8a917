# Two commands for everyone: `make lab` (open the module) and `make test` (run every test).
# Both create .venv when it is missing and install exact pinned versions into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NBVAL  := --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg
# Notebooks (and their kernels, which inherit PYTHONPATH) run with outbound network blocked.
OFFLINE := PYTHONPATH=tests/offline

.PHONY: lab test venv test-venv unit notebooks instructor browser pin site bench clean \
	python-check test-pythons

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

# One line instead of a pip traceback when $(PYTHON), or the Python that made .venv, will not
# do (scripts/check_python.py; the supported range is requires-python in pyproject.toml).
python-check:
	@$(PYTHON) scripts/check_python.py --venv $(VENV) --goal $(firstword $(MAKECMDGOALS) lab) \
		$(if $(filter command line environment,$(origin PYTHON)),--python-named)

$(VENV)/bin/python: | python-check
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt constraints.txt pyproject.toml | python-check $(VENV)/bin/python
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
instructor: $(VENV)/.runtime-installed
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py

pin: $(VENV)/.test-installed
	$(BIN)/python scripts/pin_outputs.py notebooks/*.ipynb

browser: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/browser

# Reader edition: every notebook executed and exported as static HTML that opens offline
# (widget JavaScript from pinned npm packages, fetched once with `npm pack` into build/).
site: $(VENV)/.test-installed
	rm -rf site
	$(BIN)/python scripts/build_site.py --out site

# Benchmark (not part of `make test`): times, memory and install size against the
# budgets; writes bench/results.md (commit it; the README quotes it).
bench: $(VENV)/.test-installed
	$(BIN)/python scripts/bench.py --repeat 5 --out bench/results.md --readme README.md

# Every supported Python found on PATH or in pyenv: unit tests and notebooks, each in its own
# venv under build/pythons/ (not part of `make test`; takes several minutes per interpreter).
test-pythons:
	$(PYTHON) scripts/test_pythons.py

clean:
	rm -rf $(VENV) build instructor site *.egg-info
