# The two commands of the README: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test venv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/chronicle extract demo/corpus --output demo/out/records.jsonl --db demo/out/chronicle.db
	$(BIN)/chronicle show demo/out/records.jsonl

test: venv
	$(BIN)/python -m pytest -q

clean:
	rm -rf demo/out .pytest_cache
