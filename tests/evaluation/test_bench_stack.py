"""The benchmark's serving stack answers a patient, as `make bench` needs it to.

It once waited five minutes and failed: the project's credentials.yml stopped
offering the REST channel, and the bench started `rasa run` with it."""
import pytest

from evaluation.run_bench import OURS, OURS_SCRIPT
from evaluation.stack import Assistant, Stack
from harness.processes import MODEL, ROOT

pytestmark = pytest.mark.slow


def test_the_bench_stack_starts_this_assistant_and_it_answers(tmp_path):
    assistant = Assistant(OURS.replace(" ", "-"), ROOT, MODEL, OURS_SCRIPT, OURS_SCRIPT[0])
    with Stack(assistant, tmp_path) as stack:
        cold = stack.start()  # raises if the first message is never answered
        assert 0 < cold.rasa_answered_s <= cold.total_s
        assert stack.rss_mb()["rasa"] > 100  # a real Rasa server holding a model
