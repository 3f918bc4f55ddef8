"""Training time per component, read from Rasa's training log."""
import pytest

from evaluation.training import component_times

LOG = """\
2026-11-25 03:30:55 INFO     rasa.engine.training.hooks  - Starting to train component 'CountVectorsFeaturizer'.
2026-11-25 03:30:56 INFO     rasa.engine.training.hooks  - Finished training component 'CountVectorsFeaturizer'.
2026-11-25 03:30:56 INFO     rasa.engine.training.hooks  - Starting to train component 'CountVectorsFeaturizer'.
2026-11-25 03:30:58 INFO     rasa.engine.training.hooks  - Finished training component 'CountVectorsFeaturizer'.
Epochs: 100%|##########| 80/80 [00:19<00:00]
2026-11-25 03:30:58 INFO     rasa.engine.training.hooks  - Starting to train component 'DIETClassifier'.
2026-11-25 03:31:17 INFO     rasa.engine.training.hooks  - Finished training component 'DIETClassifier'.
2026-11-25 03:31:17 INFO     rasa.engine.training.hooks  - Starting to train component 'TEDPolicy'.
"""


def test_components_are_timed_in_order_and_repeats_numbered():
    assert component_times(LOG) == [
        ("CountVectorsFeaturizer", pytest.approx(1.0)),
        ("CountVectorsFeaturizer #2", pytest.approx(2.0)),
        ("DIETClassifier", pytest.approx(19.0)),
    ]  # TEDPolicy never finished: left out
