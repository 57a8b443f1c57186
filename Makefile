# The README's two commands: `make demo` and `make test`.
# Everything installs into .venv from the package registries; nothing is fetched at run time.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := examples/iraq-rawa-ana.txt
SAMPLE_DATE := 2014-06-22
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test outputs install clean

demo: outputs
	@echo "Wrote outputs/iraq-rawa-ana.html, .md and .json"

# torch is pinned to the CPU build on this machine's disk before the project is
# installed, so that transformers' unpinned requirement does not pull a CUDA build.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

outputs: $(STAMP)
	$(BIN)/summarize $(SAMPLE) --date $(SAMPLE_DATE) --format html,markdown,json -o outputs

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
