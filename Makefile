# fakefree: `make demo` runs it on the seed data, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_STORE ?= ./fakefree.db
PYTEST_ARGS ?=

.PHONY: install deps demo test lint mypy-baseline neo4j neo4j-stop model seed bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## deps: the Debian packages some tests need (chromium, poppler-utils; Java 17 and Maven for
## Neo4j), installed with apt-get as root or through sudo; without them those tests skip
DEB_PACKAGES := chromium poppler-utils
deps:
	@if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	else echo "make deps needs root or sudo; as root: apt-get install $(DEB_PACKAGES) openjdk-17-jdk-headless maven"; exit 1; fi; \
	packages="$(DEB_PACKAGES)"; \
	command -v java >/dev/null || packages="$$packages openjdk-17-jdk-headless"; \
	command -v mvn >/dev/null || packages="$$packages maven"; \
	$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$packages

## demo: install, load the committed seed corpus into the embedded store, open the dashboard
demo: install
	$(BIN)/fakefree ingest seed_data/demo/documents --store $(DEMO_STORE) --workers 2
	$(BIN)/fakefree user init
	$(BIN)/fakefree dashboard --store $(DEMO_STORE)

## lint: the import contract of the layers, ruff, the format of the files already formatted,
## and mypy (failing on errors not in mypy-baseline.txt)
PACKAGES := fakefree graph_etl nlp queries exports dashboard seed_data cli security bench
# files `ruff format` already keeps; widen to the packages once the whole tree is formatted
FORMATTED := queries/values.py nlp/org_types.py tests/cli/__init__.py
lint: install
	PYTHONPATH=$(CURDIR) $(BIN)/lint-imports
	$(BIN)/ruff check $(PACKAGES) tests
	$(BIN)/ruff format --check $(FORMATTED)
	$(BIN)/mypy $(PACKAGES) --no-error-summary | $(BIN)/mypy-baseline filter --no-colors --allow-unsynced

## mypy-baseline: write mypy-baseline.txt anew (after fixing known errors, never to hide new ones)
mypy-baseline: install
	$(BIN)/mypy $(PACKAGES) --no-error-summary | $(BIN)/mypy-baseline sync

## test: install, check the layers and the lint, and run the whole suite (unit, contract on both
## stores, end-to-end, browser)
test: install lint
	$(BIN)/pytest tests fakefree graph_etl nlp queries exports seed_data dashboard cli security bench -q $(PYTEST_ARGS)

## neo4j: start the local Neo4j 5.26 server (built from Maven Central on first use)
neo4j: install
	$(BIN)/fakefree neo4j start

neo4j-stop: install
	$(BIN)/fakefree neo4j stop

## model: retrain the shipped pipeline (NER on synthetic text + the real train split, then the
## learnt relations and key roles) and rewrite its model card, with real_dev if it is there
model: install
	$(BIN)/python -m nlp.training.train $(if $(wildcard ../shared/real_dev),--dev ../shared/real_dev)

## seed: regenerate the committed demo corpus
seed: install
	$(BIN)/fakefree seed generate --cases 12 --seed 7 -o seed_data/demo --force

bench: install
	$(BIN)/fakefree bench load

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
