"""Start the project's processes on loopback and talk to the assistant: the helpers the
tests, the evaluation (`evaluation/`) and the load test (`scripts/load_test.py`) share.

Product and tooling code may import this package; nothing here imports `tests/`, and
nothing outside `tests/` imports `tests/` (tests/test_layering.py holds that).
"""
