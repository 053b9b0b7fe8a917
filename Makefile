# Two commands for everyone: `make lab` (open the module) and `make test` (run every test).
# Both create .venv when it is missing and install exact pinned versions into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NBVAL  := --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg
# Notebooks (and their kernels, which inherit PYTHONPATH) run with outbound network blocked.
OFFLINE := PYTHONPATH=tests/offline
# A pytest plugin (tests/plugins/) failing French notebook cells whose outputs show English.
LEAKS := -p nbval_english

.PHONY: lab lab-fr test venv test-venv unit notebooks instructor browser pin site slides bench \
        hub-test clean report graded python-check test-pythons translations

# JupyterLab refuses to run as root unless told; containers and some hubs run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# The server's root is the repository, so notebooks/, data/ and my-work/ are all reachable;
# the browser still opens on notebook 00.
lab: $(VENV)/.runtime-installed
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb

# The French edition (notebooks/fr/, built by `make translations`), opened on its notebook 00.
lab-fr: $(VENV)/.runtime-installed
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/notebooks/fr/00-start-here.ipynb

# The French edition: notebooks/fr/ from the English notebooks and translations/fr/*.toml.
# Commit both the .toml files and the built notebooks.
translations: $(VENV)/.runtime-installed
	$(BIN)/python scripts/build_translation.py fr

# notebooks/ holds both editions: nbval runs notebooks/*.ipynb and notebooks/fr/*.ipynb, and
# fails a French cell whose outputs show English (scripts/english_leaks.py).
# The instructor edition is executed once, by its build (which fails on any cell error or any
# solution that does not pass its check); running it again under nbval would only repeat that.
test: $(VENV)/.test-installed $(VENV)/.hub-installed
	$(BIN)/ruff check helpers tests scripts notebooks
	$(BIN)/python scripts/build_translation.py fr --check
	$(BIN)/python -m pytest tests helpers scripts/editions.py --ignore=tests/browser --ignore=tests/hub
	$(OFFLINE):tests/plugins $(BIN)/python -m pytest $(NBVAL) $(LEAKS) notebooks
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py
	$(BIN)/python -m pytest tests/browser
	$(BIN)/python -m pytest tests/hub

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

# The class-on-a-hub test's packages (JupyterHub, nbgitpuller, Notebook 7), on top of the tests'.
$(VENV)/.hub-installed: requirements-hub.txt constraints-hub.txt $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet -r requirements-hub.txt -c constraints.txt -c constraints-hub.txt
	touch $@

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests helpers scripts/editions.py --ignore=tests/browser --ignore=tests/hub

notebooks: $(VENV)/.test-installed
	$(OFFLINE):tests/plugins $(BIN)/python -m pytest $(NBVAL) $(LEAKS) notebooks

# The instructor edition (instructor/, not committed): solutions filled in and executed,
# instructor notes under the discussion prompts. Fails if a solution does not pass its check.
# Also the printable packet, role cards and document sheets (instructor/*.html).
# The French edition goes to instructor/fr/ (notes from docs/discussion/fr/; the packet is
# English); it also fails on English left in the French outputs (scripts/english_leaks.py).
instructor: $(VENV)/.runtime-installed
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py
	$(OFFLINE) $(BIN)/python scripts/build_packet.py
	$(OFFLINE) $(BIN)/python scripts/build_instructor.py --language fr

pin: $(VENV)/.test-installed
	$(BIN)/python scripts/pin_outputs.py notebooks/*.ipynb $(wildcard notebooks/fr/*.ipynb)

browser: $(VENV)/.test-installed
	$(BIN)/python -m pytest tests/browser

# Reader edition: every notebook executed and exported as static HTML that opens offline
# (widget JavaScript from pinned npm packages, fetched once with `npm pack` into build/).
site: $(VENV)/.test-installed
	rm -rf site
	$(BIN)/python scripts/build_site.py --out site
	$(BIN)/python scripts/build_site.py --language fr --out site/fr

# Projector view: one reveal.js deck per notebook in slides/ (code hidden, large text, speaker
# notes behind S), offline; reveal.js comes from a pinned npm package fetched into build/.
slides: $(VENV)/.test-installed
	rm -rf slides
	$(OFFLINE) $(BIN)/python scripts/build_slides.py --out slides
	$(OFFLINE) $(BIN)/python scripts/build_slides.py --language fr --out slides/fr

# Benchmark (not part of `make test`): times, memory and install size against the
# budgets; writes bench/results.md (commit it; CONTRIBUTING.md quotes it).
bench: $(VENV)/.test-installed
	$(BIN)/python scripts/bench.py --repeat 5 --out bench/results.md --readme CONTRIBUTING.md

# Class report (README, "Collecting and grading"): re-executes every submitted notebook,
# each in its own process with network blocked and time and memory limits.
report: $(VENV)/.runtime-installed
	@test -n "$(SUBMISSIONS)" || { echo "usage: make report SUBMISSIONS=folder"; exit 2; }
	$(BIN)/python scripts/class_report.py "$(SUBMISSIONS)" --out report

# Graded edition: graded/ is the module for students with a key they cannot read answers
# from, and graded/nbgrader/ the same lessons as an nbgrader course.
graded: $(VENV)/.runtime-installed
	$(BIN)/python scripts/build_graded.py --out graded

# A class on a real JupyterHub on loopback (not part of `make test`, which runs 3 students):
# STUDENTS students follow the nbgitpuller link, run a lesson, get an update; writes the
# figures to bench/results.md and the README. Needs npm the first time (the pinned proxy).
STUDENTS ?= 30
hub-test: $(VENV)/.hub-installed
	$(BIN)/python scripts/hub_test.py --students $(STUDENTS) --out bench/results.md --readme README.md

# Every supported Python found on PATH or in pyenv: unit tests and notebooks, each in its own
# venv under build/pythons/ (not part of `make test`; takes several minutes per interpreter).
test-pythons:
	$(PYTHON) scripts/test_pythons.py

clean:
	rm -rf $(VENV) build instructor site slides report graded *.egg-info
