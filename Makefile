# BranchGuard: `make run` sets up and opens the app; `make test` sets up and runs every check.
# Set-up installs only what is missing: Debian packages (apt-get, once), then the pinned Python
# packages into .venv (again only when requirements.lock or pyproject.toml changed).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MIN_PYTHON := 3.11

# What the app, the reports and the tests need from the system: the Chinese font for PDFs and the
# Latin one English reports set their Latin text in (DejaVu Sans Condensed, in -extra), poppler
# for checking them, a PostgreSQL server (the tests start a throwaway cluster), Xvfb for screenshots
# in a real window, and the X/xcb/EGL libraries PySide6's platform plugins load (read off `ldd` on
# the Qt plugins; a minimal Debian lacks most of them).
SYSTEM_PACKAGES := fonts-wqy-microhei fonts-dejavu-core fonts-dejavu-extra poppler-utils poppler-data \
	postgresql xvfb xauth \
	libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libx11-6 libx11-xcb1 \
	libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 \
	libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1

TS_FILES := $(wildcard branchguard/resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

# make run DATA_DIR=/tmp/x LANG_ARG=en DB=postgresql://…
APP_ARGS := $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") $(if $(DB),--db "$(DB)") $(if $(LANG_ARG),--lang "$(LANG_ARG)")
PYTEST_ARGS ?=
# pytest-xdist: one test process per CPU (each with its own PostgreSQL cluster and fixture copies);
# TEST_WORKERS=0 runs every test in one process.
TEST_WORKERS ?= auto

.PHONY: help setup system-deps python-check run test lint bench screenshots i18n package lock clean

help:
	@echo "make run          set up, fill an empty database with demo data, open the window"
	@echo "                  (DATA_DIR=folder, DB=url, LANG_ARG=zh_CN|en are passed on)"
	@echo "make test         set up, then ruff, mypy and pytest (SQLite and PostgreSQL)"
	@echo "make lint         ruff and mypy only"
	@echo "make bench        start-up benchmarks"
	@echo "make screenshots  render every page and report page in both languages into docs/screenshots/"
	@echo "make package      one-folder PyInstaller build in dist/BranchGuard (packaging/branchguard.spec)"
	@echo "make i18n         compile branchguard/resources/i18n/*.ts into .qm"
	@echo "make lock         refresh requirements*.lock (hashed) from pyproject.toml"
	@echo "make clean        remove .venv, caches and build outputs"

setup: system-deps $(STAMP)

python-check:
	@if ! command -v $(PYTHON) >/dev/null 2>&1; then \
		echo "error: '$(PYTHON)' not found. BranchGuard needs Python $(MIN_PYTHON) or newer;" \
			"install it (apt-get install python3) or run: make PYTHON=/path/to/python3.11 ..." >&2; \
		exit 1; \
	fi
	@if ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		echo "error: BranchGuard needs Python $(MIN_PYTHON) or newer, but $(PYTHON) is" \
			"$$($(PYTHON) -c 'import platform; print(platform.python_version())')." \
			"Install a newer Python and run: make PYTHON=python3.11 ..." >&2; \
		exit 1; \
	fi

# Ask dpkg what is missing; only then run apt-get (update once, then install). Ubuntu's t64
# renames (libglib2.0-0t64 …) count as present. python3-venv is added when `python3 -m venv`
# would fail for want of ensurepip (Debian ships it separately).
system-deps: python-check
	@if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then \
		echo "note: not a Debian/Ubuntu system; make sure these (or their equivalents) are installed:" \
			"$(SYSTEM_PACKAGES)"; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do \
		dpkg -s "$$pkg" >/dev/null 2>&1 || dpkg -s "$${pkg}t64" >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if ! $(PYTHON) -c 'import ensurepip' >/dev/null 2>&1; then \
		missing="$$missing python3-venv python$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"; \
	fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "Installing system packages:$$missing"; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "error: need root or sudo to install:$$missing" >&2; exit 1; fi; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing

$(BIN)/python: | python-check
	$(PYTHON) -m venv $(VENV)

# requirements-dev.lock pins, with hashes, everything the app, its PostgreSQL driver, the tests, the
# linters and the frozen build use; requirements.lock is the app's own share of it (runtime + postgres).
$(STAMP): requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-dev.lock
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

# Refresh the locks from pyproject.toml: existing pins are kept unless LOCK_ARGS=--upgrade (or
# --upgrade-package NAME) says otherwise. pip-tools runs from a throwaway environment.
lock: python-check
	rm -rf build/pip-tools && $(PYTHON) -m venv build/pip-tools
	build/pip-tools/bin/pip install --disable-pip-version-check -q pip-tools
	for out in requirements.lock:postgres requirements-dev.lock:postgres,dev; do \
		extras=$$(echo "$${out#*:}" | sed 's/\([^,]*\)/--extra \1/g; s/,/ /g'); \
		build/pip-tools/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras \
			--no-emit-index-url --no-emit-find-links $$extras $(LOCK_ARGS) -o "$${out%%:*}" pyproject.toml; \
	done

i18n: $(QM_FILES)

branchguard/resources/i18n/%.qm: branchguard/resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: setup i18n
	$(BIN)/branchguard $(APP_ARGS) demo --if-empty
	$(BIN)/branchguard $(APP_ARGS)

lint: setup
	$(BIN)/ruff check branchguard tests
	$(BIN)/mypy

# Ends with the 15 slowest tests (pytest's --durations in pyproject.toml) and the wall time of the run.
# The tests' temporary folders go on a RAM disk where the machine has one (tools/test_tmp.py says
# why); TEST_TMP= keeps them in pytest's default place.
test: setup i18n lint
	@tmp="$${TEST_TMP-$$($(PYTHON) tools/test_tmp.py)}"; \
	started=$$(date +%s); status=0; \
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal \
		$${tmp:+--basetemp "$$tmp"} $(PYTEST_ARGS) || status=$$?; \
	elapsed=$$(( $$(date +%s) - started )); \
	printf 'make test: pytest took %dm %02ds\n' $$(( elapsed / 60 )) $$(( elapsed % 60 )); \
	if [ -n "$$tmp" ]; then \
		if [ $$status -eq 0 ]; then rm -rf "$$tmp"; else echo "make test: the tests' folders are in $$tmp"; fi; \
	fi; \
	exit $$status

bench: setup i18n
	$(BIN)/python -m tools.bench

screenshots: setup i18n
	$(BIN)/python -m tools.screenshots
	$(BIN)/python -m tools.report_pages

package: setup i18n
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/branchguard.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f $(QM_FILES)
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
