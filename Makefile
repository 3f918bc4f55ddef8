# Kyphoplasty recovery assistant: every command sets up what is missing first.
#   make chat   talk to the assistant in the terminal (action server included)
#   make test   run every test (exits non-zero on any failure)
#   make serve  the assistant on every channel, and the demo page with the chat widget
#   make train  train the model only
#   make check  lint, types of the triage core, and the fast tests (no model, no servers)
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa's telemetry would send usage data and crash reports to the internet: a
# privacy leak for a health product, and retries on an offline machine.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONPATH := $(CURDIR)

PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
RASA := $(BIN)/rasa
DEPS_STAMP := $(VENV)/.installed
SPACY_MODEL := models/spacy/kyphoplasty_en
SPACY_STAMP := $(SPACY_MODEL)/meta.json
ENCODER := models/sentence_encoder
ENCODER_STAMP := $(ENCODER)/model.safetensors
MODEL := models/kyphoplasty-assistant.tar.gz

NLP_SOURCES := $(shell find nlp -type f \( -name '*.py' -o -name '*.jsonl' -o -name '*.json' -o -name '*.yml' \) 2>/dev/null)
# What training reads (addons/ subfolders such as channels/ serve requests only;
# the NLU components in addons/ import the triage core, so it shapes the model too).
MODEL_SOURCES := config.yml domain.yml requirements.lock $(shell find data -type f -name '*.yml' 2>/dev/null) $(wildcard addons/*.py) $(wildcard actions/triage/*.py)

.PHONY: help setup chat serve train test check lock clean

help:
	@sed -n '2,7p' Makefile

setup: $(DEPS_STAMP) $(SPACY_STAMP) $(ENCODER_STAMP)

$(DEPS_STAMP): requirements.lock requirements.in
	@if [ -z "$(PYTHON)" ] || ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then \
	  echo "Python $(PYTHON_VERSION) is required (Rasa 3.6 supports Python >=3.8,<3.11)."; \
	  echo "Install it, e.g. 'pyenv install $(PYTHON_VERSION)' or 'apt install python$(PYTHON_VERSION) python$(PYTHON_VERSION)-venv',"; \
	  echo "or point make at it: make PYTHON=/path/to/python$(PYTHON_VERSION) ..."; \
	  exit 1; fi
	rm -rf $(VENV)
	"$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==24.0"
	# One pip run: direct requirements, every transitive version fixed by the lock.
	$(BIN)/python -m pip install --quiet -r requirements.in -c requirements.lock
	touch $@

# The spaCy pipeline is built from sources in nlp/ (no model can be downloaded).
# Rasa fingerprints SpacyNLP by its path only, so its training cache is dropped
# whenever the pipeline is rebuilt; otherwise stale spaCy docs could be reused.
$(SPACY_STAMP): $(DEPS_STAMP) $(NLP_SOURCES)
	$(BIN)/python -m nlp.build_pipeline --output $(SPACY_MODEL)
	rm -rf .rasa/cache

# The sentence encoder's weights, pinned by hash (nlp/sentence_encoder.py says why).
$(ENCODER_STAMP): $(DEPS_STAMP) scripts/fetch_sentence_encoder.sh
	scripts/fetch_sentence_encoder.sh $(ENCODER)

$(MODEL): $(SPACY_STAMP) $(ENCODER_STAMP) $(MODEL_SOURCES)
	scripts/train_model.sh $@
	@touch $@

train: $(MODEL)

# addons/server/terminal.py, not `rasa shell`: the terminal shows only the conversation.
chat: $(MODEL)
	@scripts/with_action_server.sh $(BIN)/python -m addons.server.terminal --model $(MODEL) --endpoints endpoints.yml

serve: $(MODEL)
	@scripts/serve.sh

test: $(MODEL)
	$(BIN)/python -m pytest

# The quick loop before a commit: needs the dependencies and the sentence encoder's
# weights (fetched once; without them its tests would skip), never a trained model or
# a server (those tests are marked slow; the spaCy tests build their own pipeline).
check: $(DEPS_STAMP) $(ENCODER_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not slow" -q

# Re-resolve every dependency in one pip run and pin the result.
lock:
	rm -rf .lock-venv && "$(PYTHON)" -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip==24.0"
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	.lock-venv/bin/python -m pip freeze --all | grep -v '^pip==' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) models/*.tar.gz models/spacy $(ENCODER) .rasa results

# Each part of the product (widget and channels, production, evaluation) keeps its
# own targets in mk/<part>.mk; a part adds its set-up to `test` as a prerequisite.
-include mk/*.mk
