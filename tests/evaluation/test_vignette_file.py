"""The vignette file format (tests/vignettes/vignettes.yml: id, text, expected)."""
from pathlib import Path

import pytest

from evaluation.vignettes import load_vignettes

FIXTURE = Path(__file__).parent / "fixtures" / "vignettes.yml"


def test_fixture_reads_as_the_project_format():
    vignettes = load_vignettes(FIXTURE)
    assert {v["expected"] for v in vignettes} == {"emergency", "urgent", "none"}
    assert all(v["id"] and v["text"] for v in vignettes)


def test_a_vignette_without_expected_level_or_with_an_unknown_one_is_refused(tmp_path):
    path = tmp_path / "vignettes.yml"
    path.write_text("vignettes:\n  - id: a\n    text: my legs are numb\n")
    with pytest.raises(ValueError, match="lacks"):
        load_vignettes(path)
    path.write_text("vignettes:\n  - id: a\n    text: my legs are numb\n    expected: soonish\n")
    with pytest.raises(ValueError, match="expected must be"):
        load_vignettes(path)
