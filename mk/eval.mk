# Evaluation and benchmarks (docs/benchmarks.md). Long runs: not part of `make test`.
#   make eval    NLU test split, 5-fold cross-validation, TF-IDF baseline, triage
#                vignettes -> reports/eval/latest/README.md
#   make bench   training, cold start, memory, REST latency at 1/10/50 conversations,
#                side by side with the stock `rasa init` assistant
#                -> reports/bench/latest/README.md
.PHONY: eval bench

# Rasa and its friends warn about their own deprecations at import time.
EVAL_ENV := PYTHONWARNINGS=ignore::DeprecationWarning

eval: $(MODEL)
	$(EVAL_ENV) $(BIN)/python -m evaluation.run_eval

# Trains its own copy of both assistants (timed, empty cache): needs only the set-up.
bench: $(SPACY_STAMP)
	$(EVAL_ENV) $(BIN)/python -m evaluation.run_bench
