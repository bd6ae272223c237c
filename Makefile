# Two commands on a fresh machine:  make run   and   make test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test venv neo4j-start neo4j-stop clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## make run: ingest data/raw into data/graph (no server needed)
run: $(STAMP)
	$(BIN)/policykg build data/raw --out data/graph
	@echo "outputs are in data/graph/: <doc-id>.extraction.json (the extraction contract), graph.ttl, graph.trig, graph.graphml, graph.json"

## make test: lint, format check, type check; start Neo4j, run every test, stop Neo4j even on failure
test: $(STAMP)
	scripts/test.sh

neo4j-start: $(STAMP)
	scripts/system-deps.sh
	$(BIN)/policykg neo4j start

neo4j-stop: $(STAMP)
	$(BIN)/policykg neo4j stop

clean:
	rm -rf $(VENV) .pytest_cache
	find data/graph -mindepth 1 ! -name README.md -delete
