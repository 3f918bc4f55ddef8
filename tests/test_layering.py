"""Imports point one way: tests may import product and tooling code, never the other
way round, and the triage core (the rules a clinician reads) imports no Rasa code, so
it can be read, tested and reused without a Rasa install."""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from harness.processes import ROOT

PACKAGES_OUTSIDE_TESTS = ["actions", "addons", "evaluation", "harness", "nlp", "scripts"]
TRIAGE_CORE = ROOT / "actions" / "triage"


def imported_modules(path: Path) -> Iterator[Tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def python_files(*folders: str) -> list:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def top_package(module: str) -> str:
    return module.split(".")[0]


def test_the_layering_test_sees_the_code_it_guards():
    assert len(python_files(*PACKAGES_OUTSIDE_TESTS)) > 50
    assert any(top_package(m) == "tests"
               for _, m in imported_modules(ROOT / "tests" / "channels" / "test_facebook.py"))


@pytest.mark.parametrize("path", python_files(*PACKAGES_OUTSIDE_TESTS), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_outside_tests_imports_tests(path):
    offending = [f"line {line}: {module}" for line, module in imported_modules(path) if top_package(module) == "tests"]
    assert not offending, offending


@pytest.mark.parametrize("path", sorted(TRIAGE_CORE.rglob("*.py")), ids=lambda p: p.name)
def test_the_triage_core_imports_no_rasa(path):
    offending = [f"line {line}: {module}" for line, module in imported_modules(path)
                 if top_package(module) in {"rasa", "rasa_sdk", "actions", "addons", "nlp"}
                 and not module.startswith("actions.triage")]
    assert not offending, offending
