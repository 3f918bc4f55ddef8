"""The assistant's NLU scored on the held-out test split, and cross-validated on the
training data, with the baseline scored the same way on the same examples."""
from __future__ import annotations

import asyncio
import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from evaluation import baseline
from evaluation.nlu_data import Example

SEED = 42


@dataclass
class Prediction:
    text: str
    intent: str
    predicted: str
    response_key: Optional[str] = None
    predicted_response_key: Optional[str] = None
    confidence: Optional[float] = None


def parse_all(agent, loop: asyncio.AbstractEventLoop, examples: Sequence[Example]) -> List[Prediction]:
    """What the trained assistant's NLU makes of each example (intent, and for a FAQ
    question which answer the response selector picks)."""
    rows = []
    for example in examples:
        parsed = loop.run_until_complete(agent.parse_message(example.text))
        selected = parsed.get("response_selector", {}).get("faq", {}).get("response", {})
        rows.append(Prediction(
            example.text, example.intent, parsed["intent"]["name"], example.response_key,
            selected.get("intent_response_key"), parsed["intent"].get("confidence"),
        ))
    return rows


def baseline_predictions(model, test: Sequence[Example]) -> List[Prediction]:
    return [
        Prediction(e.text, e.intent, intent, e.response_key, label if e.response_key else None)
        for e, (intent, label) in zip(test, baseline.predict(model, [e.text for e in test]))
    ]


def faq_answer_accuracy(rows: Sequence[Prediction]) -> Optional[float]:
    """Among FAQ questions: how often the expected answer is the one selected."""
    faq = [r for r in rows if r.response_key]
    if not faq:
        return None
    return sum(r.response_key == r.predicted_response_key for r in faq) / len(faq)


# --- cross-validation ---------------------------------------------------------------

def with_epochs(config: Dict[str, Any], epochs: Optional[int]) -> Dict[str, Any]:
    """The config with every NLU component that trains for epochs set to `epochs`
    (None: unchanged). Used to make cross-validation affordable, and said so."""
    config = copy.deepcopy(config)
    if epochs is not None:
        for component in config.get("pipeline", []):
            if "epochs" in component:
                component["epochs"] = epochs
    return config


def fold_indices(data, folds: int, seed: int) -> List[List[int]]:
    """The test indices of each fold exactly as Rasa's generate_folds draws them
    (StratifiedKFold with shuffle on the full intent), when numpy's global generator
    is seeded with `seed` just before: so the baseline sees the same folds."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    labels = [m.get_full_intent() for m in data.intent_examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=np.random.RandomState(seed))
    return [list(test) for _, test in splitter.split(labels, labels)]


@dataclass
class CrossValidation:
    folds: int
    epochs: Optional[int]
    rasa: List[Prediction]
    baseline: List[Prediction]
    same_folds: bool  # the baseline's folds checked equal to Rasa's


def _same_folds(rasa_rows: Sequence[Prediction], examples: Sequence[Example],
                indices: List[List[int]]) -> bool:
    """Rasa reports the test folds one after the other: compare them fold by fold."""
    start = 0
    for fold in indices:
        chunk = {r.text for r in rasa_rows[start:start + len(fold)]}
        if chunk != {examples[i].text for i in fold}:
            return False
        start += len(fold)
    return start == len(rasa_rows)


def cross_validate(config: Dict[str, Any], nlu_path: Path, folds: int, epochs: Optional[int],
                   seed: int = SEED) -> CrossValidation:
    """`rasa test nlu --cross-validation` in-process (it trains the NLU pipeline
    only, once per fold) with its folds made reproducible, plus the baseline on the
    same folds."""
    import numpy as np
    from rasa.nlu import test as rasa_test
    from rasa.shared.nlu.training_data.loading import load_data

    data = rasa_test.drop_intents_below_freq(load_data(str(nlu_path)), cutoff=folds)
    examples = [Example(m.get("text"), m.get("intent"), m.get("intent_response_key"))
                for m in data.intent_examples]
    indices = fold_indices(data, folds, seed)

    np.random.seed(seed)  # generate_folds shuffles with numpy's global generator
    intents, _, responses = asyncio.run(rasa_test.cross_validate(
        data, folds, with_epochs(config, epochs), output=None,
        disable_plotting=True, report_as_dict=True,
    ))
    chosen = {p["text"]: p["intent_response_key_prediction"]
              for p in (responses.evaluation or {}).get("predictions", [])}
    by_text = {e.text: e for e in examples}
    rasa_rows = [
        Prediction(p["text"], p["intent"], p["predicted"], by_text[p["text"]].response_key,
                   chosen.get(p["text"]), p["confidence"])
        for p in intents.evaluation["predictions"]
    ]
    same_folds = _same_folds(rasa_rows, examples, indices)

    baseline_rows: List[Prediction] = []
    for fold in indices:
        held_out = set(fold)
        train = [e for i, e in enumerate(examples) if i not in held_out]
        baseline_rows += baseline_predictions(baseline.train(train), [examples[i] for i in fold])
    return CrossValidation(folds, epochs, rasa_rows, baseline_rows, same_folds)
