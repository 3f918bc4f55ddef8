"""Rasa's own checks: the training data is consistent, and the test stories are
followed exactly (`--fail-on-prediction-errors`), custom actions included."""
import subprocess

import pytest

from harness.processes import BIN, MODEL, ROOT, project_env

pytestmark = pytest.mark.slow


def run_rasa(*args, timeout=600):
    return subprocess.run(
        [str(BIN / "rasa"), *args], cwd=ROOT, env=project_env(), capture_output=True,
        text=True, timeout=timeout,
    )


def test_rasa_data_validate():
    result = run_rasa("data", "validate")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_test_stories(action_endpoint, artifacts, tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "{action_endpoint}"\n')
    out = artifacts / "core"
    result = run_rasa(
        "test", "core", "--model", str(MODEL), "--stories", "tests/stories",
        "--endpoints", str(endpoints), "--out", str(out), "--fail-on-prediction-errors",
    )
    failed = (out / "failed_test_stories.yml")
    detail = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, detail[-6000:] + result.stderr[-3000:]
