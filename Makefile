# The README's two commands: `make reports` and `make test`. Both set everything up
# on a fresh machine with Python 3.11+: a .venv installed from the hashed lock file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml 2>/dev/null | cksum | cut -d' ' -f1)
UV_VERSION := 0.13.9

.PHONY: reports test lab lock bench datapackage validate clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

reports: $(STAMP)
	$(BIN)/assad-collapse build

# axe-core for the accessibility checks, pinned in package-lock.json; skipped (and the
# browser tests with it, saying why) where npm is not installed. CI installs npm.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser and accessibility tests will be skipped (Debian: apt-get install npm chromium)"; fi

test: $(STAMP) node_modules/.installed
	$(BIN)/python -m pytest

# JupyterLab at the repository root (notebooks/, data/, reports/ and the README in its file browser), as a user
# or as root (--allow-root is added for root); extra arguments in LAB_ARGS, e.g.
#   make lab LAB_ARGS="--no-browser --ServerApp.port=8899"
# It sets this clone's git config core.hooksPath to .githooks, whose pre-commit hook strips notebook outputs.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)
lab: $(STAMP)
	@git config core.hooksPath .githooks 2>/dev/null || true
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(ALLOW_ROOT) $(LAB_ARGS)

validate: $(STAMP)
	$(BIN)/assad-collapse validate-data

datapackage: $(STAMP)
	$(BIN)/assad-collapse datapackage

# Time the build against papermill and the papermill + nbconvert CLI chain; writes benchmarks/results/build.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py

# Re-resolve every dependency (from pyproject.toml) and pin it with hashes.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 --quiet -o requirements.lock

clean:
	rm -rf $(VENV) reports .pytest_cache
