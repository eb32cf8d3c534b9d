# Two entry points, both self-contained: each creates .venv on first use.
#   make demo  - run Interdict's main job on the bundled data
#   make test  - lint, type-check and run the full test suite (what CI runs)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/interdict db upgrade
	$(BIN)/interdict demo
	$(BIN)/interdict classify examples/items/fs1.yaml
	$(BIN)/interdict determine --item examples/items/fs1.yaml --destination TR --final-destination IR --end-use missile
	$(BIN)/interdict case assess examples/cases/fs1-ardalan.yaml --as us-analyst
	$(BIN)/interdict case assess examples/cases/fs1-ardalan.yaml --as es-officer

lint: $(STAMP)
	$(BIN)/ruff check interdict tests bench
	$(BIN)/ruff format --check interdict tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest
