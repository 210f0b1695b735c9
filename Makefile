# Two commands: `make site` builds the example site into site/, `make test` runs every test.
# `make site-neural` builds it with the natural voice (slow the first time; see the handbook).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-neural test serve lint clean chromium

site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

site-neural: $(VENV)/.neural-installed
	SAFEGUARDING_AUDIO_ENGINE=kokoro $(BIN)/mkdocs build --strict

test: $(VENV)/.test-installed chromium
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/python -m pytest

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve

lint: $(VENV)/.test-installed
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts

chromium:
	@bash scripts/ensure-chromium.sh

clean:
	rm -rf site .site.staging .site.previous .cache

$(VENV)/.site-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.neural-installed: $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -e ".[neural]"
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@
