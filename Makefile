# Prachum: two commands for a newcomer, `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

# Debian packages: Qt offscreen/xcb, Thai fonts, LibreOffice + poppler for document checks,
# Xvfb for screenshots, ICU's headers and a compiler to build PyICU (tests only),
# PostgreSQL for the tests on a server. Measured on bookworm.
SYSTEM_PACKAGES := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 \
	libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
	libxcb-xinerama0 libxcb-xkb1 fonts-thai-tlwg libreoffice-writer-nogui \
	libreoffice-calc-nogui poppler-utils xvfb xauth \
	libicu-dev pkg-config g++ postgresql

.PHONY: run test lint bench screenshots translations bytecode system-packages clean

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu run:"; \
	  echo "  sudo apt-get install -y python3-venv"; exit 1; }
	@$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

translations: $(VENV)/.installed
	@$(PY) -m desktop.ui.base.i18n_build

# pip byte-compiles what it installs, but not an editable install: compile once here, so
# that no start compiles the app's modules (about 15 ms of the cold start when it did).
bytecode: $(VENV)/.installed
	@$(PY) -m compileall -q desktop

run: $(VENV)/.installed translations bytecode
	$(PY) main.py $(ARGS)

system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "Not a Debian/Ubuntu system: install the equivalents of:$$missing"; \
	  elif [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    echo "Installing:$$missing"; \
	    (sudo apt-get update -qq || true) && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "These packages are missing. Run, then try again:"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The suite runs on SQLite and on a throwaway PostgreSQL cluster of its own (a Unix socket
# in a temporary folder, so runs in other checkouts never meet), stopped however it ends.
test: system-packages $(VENV)/.installed-test translations lint
	QT_QPA_PLATFORM=offscreen $(PY) tests/pg_cluster.py $(PY) -m pytest

bench: $(VENV)/.installed-test translations bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: system-packages $(VENV)/.installed translations
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m tests.tools.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info

# --- The standalone bundle, the desktop entry and the Windows installer (release/) -------
# `make dist` builds dist/prachum/ with PyInstaller (skipped when nothing in it changed);
# Windows builds the same with release/build-windows.ps1 (`make windows` says how).
SYSTEM_PACKAGES += nsis
.PHONY: dist install-desktop windows installer-check

$(VENV)/.installed-dist: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e '.[dist]'
	@touch $@ $(VENV)/.installed

dist: $(VENV)/.installed-dist translations
	$(PY) -m release.build

bench: dist

install-desktop: dist
	$(PY) -m release.desktop_entry

# makensis from Debian's nsis compiles the installer script against a stand-in folder
# (the test suite does it too); the real installer is built on Windows.
installer-check: system-packages
	@rm -rf build/nsis-standin && mkdir -p build/nsis-standin/_internal
	@touch build/nsis-standin/prachum.exe build/nsis-standin/prachumw.exe
	makensis -V2 -DBUNDLE=$(CURDIR)/build/nsis-standin -DOUTFILE=$(CURDIR)/build/Prachum-setup-check.exe release/prachum.nsi

windows:
	@echo "On Windows, with Python 3.11 and NSIS installed, from a clone of this repository:"
	@echo "  powershell -ExecutionPolicy Bypass -File release\\build-windows.ps1 [-SmokeTest]"
	@echo "It builds dist\\prachum\\ and dist\\Prachum-setup-<version>.exe;"
	@echo ".github/workflows/windows.yml runs it on a Windows runner."
