"""Reports: the latest and the previous one are kept, a failed run replaces nothing."""
import json

import pytest

from evaluation import report


@pytest.fixture
def reports(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(report, "SCRATCH", tmp_path / "reports" / "tmp")
    return tmp_path / "reports"


def publish_run(n):
    folder = report.staging("bench")
    (folder / "README.md").write_text(f"run {n}")
    return report.publish("bench", folder, {"run": n})


def test_latest_becomes_previous_and_older_ones_go(reports):
    for n in (1, 2, 3):
        publish_run(n)
    assert (reports / "bench" / "latest" / "README.md").read_text() == "run 3"
    assert (reports / "bench" / "previous" / "README.md").read_text() == "run 2"
    assert sorted(p.name for p in (reports / "bench").iterdir()) == ["latest", "previous"]
    assert json.loads((reports / "bench" / "latest" / "summary.json").read_text()) == {"run": 3}
    assert report.previous_summary("bench") == {"run": 3}


def test_a_run_that_never_publishes_leaves_the_reports_alone(reports):
    publish_run(1)
    folder = report.staging("bench")
    (folder / "README.md").write_text("half a run")
    assert (reports / "bench" / "latest" / "README.md").read_text() == "run 1"
    assert not (reports / "bench" / "previous").exists()


def test_markdown_table_escapes_pipes_in_patient_messages():
    text = report.table(["text"], [["back | legs"]])
    assert text.splitlines()[2] == "| back \\| legs |"
