"""The report's pictures are written as PNG files."""
from evaluation import plots
from evaluation.metrics import classify

PNG = b"\x89PNG\r\n\x1a\n"


def test_confusion_matrix_picture(tmp_path):
    result = classify(["greet", "stop", "stop"], ["greet", "stop", "nlu_fallback"])
    path = plots.confusion_matrix(result, "test", tmp_path / "cm.png")
    assert path.read_bytes().startswith(PNG)


def test_latency_picture(tmp_path):
    series = {"ours": {1: {"p50": 30, "p95": 50}, 10: {"p50": 200, "p95": 400}},
              "stock": {1: {"p50": 20, "p95": 30}, 10: {"p50": 150, "p95": 300}}}
    path = plots.latency_by_concurrency(series, tmp_path / "latency.png", floors={"ours": 9})
    assert path.read_bytes().startswith(PNG)
