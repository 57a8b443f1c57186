# The README's two commands: `make demo` and `make test`.
# Everything installs into .venv from the package registries; nothing is fetched at run time.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := examples/iraq-rawa-ana.txt
SAMPLE_DATE := 2014-06-22
# The many-article sample: an invented story told by twelve articles (key dates).
STORY := examples/storm-ada.jsonl
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# Ray (summarize[ray], in the tests and benchmarks) sends usage statistics unless told not to.
export RAY_USAGE_STATS_ENABLED := 0

.PHONY: demo test lint outputs install browser scorer postgres mutation clean

# The main job on the sample article, in every format.
demo: $(STAMP)
	$(BIN)/summarize $(SAMPLE) --date $(SAMPLE_DATE) --format html,email,text,markdown,json,timelinejs -o outputs
	@echo "Wrote outputs/iraq-rawa-ana.{html,email.html,txt,md,json,timeline.json}"
	$(BIN)/summarize brief --jsonl $(STORY) --max-dates 5 --format html,email,text,markdown,json,timelinejs -o outputs
	@echo "Wrote outputs/storm-ada.{html,email.html,txt,md,json,timeline.json}: a key-date briefing of 12 articles"

# torch is pinned to the CPU build on this machine's disk before the project is
# installed, so that transformers' unpinned requirement does not pull a CUDA build.
# The MiniLM encoder's ONNX export is made last, now rather than on the first run (it
# needs torch, whose import a run otherwise avoids); it is kept in ~/.cache/summarize.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,bench,desk,ray,lint]'
	$(BIN)/pip install --quiet --no-deps tilse==0.2.1
	$(BIN)/python -m summarize.summarizers.encoder_export
	touch $(STAMP)

install: $(STAMP)

# Everything in outputs/: the demo's files and screenshots of the HTML ones.
outputs: demo browser
	$(BIN)/python scripts/screenshots.py outputs/iraq-rawa-ana.html outputs/iraq-rawa-ana.email.html
	$(BIN)/python scripts/screenshots.py outputs/storm-ada.html outputs/storm-ada.email.html
	SUMMARIZE_SCREENSHOTS=outputs $(BIN)/python -m pytest -q tests/test_desk_browser.py

# The browser tests (and the pdf format, printed by it) need Debian's chromium, and npm
# to fetch TimelineJS and axe-core once; with SUMMARIZE_REQUIRE_BROWSER=1 a missing
# browser fails them instead of skipping.
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq npm >/dev/null)

# The timeline-summarization scorer (../shared/tools/tls_eval.py) runs tilse's Perl
# ROUGE-1.5.5, which needs XML::Parser (DB_File ships with perl).
scorer:
	@perl -MXML::Parser -MDB_File -e1 2>/dev/null || (apt-get update -qq && apt-get install -y -qq libxml-parser-perl >/dev/null)

# The desk's storage tests start their own PostgreSQL server from Debian's package
# (tests/pgserver.py); with SUMMARIZE_REQUIRE_POSTGRES=1 a missing one fails them.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

# The checks alone (`make test` runs them first): Ruff's lint rules and formatting
# and mypy, configured in pyproject.toml, over summarize/, tests/, benchmarks/, scripts/.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint browser scorer postgres
	SUMMARIZE_REQUIRE_BROWSER=1 SUMMARIZE_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest

# Mutation testing, not part of `make test` (README, "Development"): mutmut changes the
# modules listed in pyproject.toml's [tool.mutmut] one small change at a time, and runs
# the tests that call the changed function; two at a time, for a machine shared with
# other work. Results stay in mutants/: a second run tests only the functions changed
# since, and then the survivors again, which tests added since may now kill. The tests'
# own subprocesses (`python -m summarize`) import the mutated copy in mutants/ too.
mutation: $(STAMP)
	$(BIN)/pip install --quiet -e '.[mutation]'
	# mutants/ must exist before Python starts: a PYTHONPATH folder missing at start-up is
	# cached as absent, and summarize would then be imported from the checkout, unmutated
	# (a first run would find no test covering any mutant).
	mkdir -p mutants
	PYTHONPATH=$(CURDIR)/mutants $(BIN)/mutmut run --max-children 2
	survivors="$$($(BIN)/python scripts/mutation_score.py --survivors)"; \
	if [ -n "$$survivors" ]; then PYTHONPATH=$(CURDIR)/mutants $(BIN)/mutmut run --max-children 2 $$survivors; fi
	$(BIN)/python scripts/mutation_score.py

clean:
	rm -rf $(VENV) build *.egg-info mutants
