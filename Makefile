# Everything a fresh machine needs, from python3 and make alone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test validate golden bench bench-scale bench-gate bench-extract eval fuzz wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,html,browser,dask]'
	touch $(STAMP)

## report: the main job: validate the shipped claims, print the consistency report on the seeds and
## write it as a page, report.html (docs/report-html.md)
report: $(STAMP)
	$(BIN)/factcheck validate claims
	$(BIN)/factcheck report --claims claims --rules rules --format html -o report.html -q --exit-zero
	@echo "The HTML report is in $(CURDIR)/report.html"
	$(BIN)/factcheck report --claims claims --rules rules

## validate: check every claims file, the entity file and the vocabulary
validate: $(STAMP)
	$(BIN)/factcheck validate claims

## test: the whole test suite (a few minutes at most), a process per core (pytest-xdist); a test file's tests
## run in one process, so a module's fixtures are made once
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

## golden: rewrite the golden report files after an intended change (review the diff like code)
golden: $(STAMP)
	FACTCHECK_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/report -q

## bench: engine speed and memory on synthetic corpora (figures in docs/performance.md)
bench: $(STAMP)
	$(BIN)/python benchmarks/engine_scale.py

## bench-scale: a whole JSON report on generated projects of 10k and 100k claims (BENCH_SIZES to choose):
## parse, validate, compare, write, pairs, peak memory, planted conflicts found, ratio to the fastest YAML
## parser on the same files (figures in docs/performance.md)
BENCH_SIZES ?= 10000 100000
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py $(BENCH_SIZES)

## bench-gate: one new 100-claim source gated against generated corpora (GATE_SIZES), no cache, cold and warm
GATE_SIZES ?= 50000 100000
bench-gate: $(STAMP)
	$(BIN)/python benchmarks/gate_scale.py $(GATE_SIZES)

## bench-extract: extraction recall and precision per kind on the seeds (figures in docs/extraction.md)
bench-extract: $(STAMP)
	$(BIN)/python benchmarks/extract_recall.py

## eval: conflict precision and recall of extract -> report on the evaluation corpus (docs/accuracy.md)
eval: $(STAMP)
	$(BIN)/factcheck eval eval/dev
	$(BIN)/factcheck eval eval/holdout

## fuzz: hostile inputs to every reader, FUZZ_EXAMPLES (10,000) each, two at a time (docs/fuzzing.md);
## `make test` runs 50 each (tests/fuzz)
fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py

## wheel: build the wheel to install elsewhere (dist/factcheck_consistency-VERSION-py3-none-any.whl)
wheel: $(STAMP)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
