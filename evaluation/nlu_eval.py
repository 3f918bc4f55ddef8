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
        for e, (intent, label) in zip(test, baseline.predict(model, [e.text for e in test]), strict=True)
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
    fold_seconds: List[float]


def cross_validate(config: Dict[str, Any], nlu_path: Path, folds: int, epochs: Optional[int],
                   seed: int = SEED) -> CrossValidation:
    """What `rasa test nlu --cross-validation` does (the NLU pipeline only, trained once
    per fold with rasa.model_training.train_nlu, on Rasa's own stratified folds, here
    seeded), scored like the test split: through Agent.parse_message, so a fallback
    counts as a miss. Rasa's own loop cannot be used: it "undoes" fallback predictions,
    and doing so deep-copies the parse result, whose spaCy Doc holds medspaCy spans
    that cannot be copied (spaCy error E112). The baseline gets the same folds."""
    import tempfile
    import time

    import yaml
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.nlu import test as rasa_test
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData

    data = rasa_test.drop_intents_below_freq(load_data(str(nlu_path)), cutoff=folds)
    messages = data.intent_examples
    examples = [Example(m.get("text"), m.get("intent"), m.get("intent_response_key")) for m in messages]
    rasa_rows: List[Prediction] = []
    baseline_rows: List[Prediction] = []
    fold_seconds: List[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "config.yml"
        config_path.write_text(yaml.safe_dump(with_epochs(config, epochs)))
        for n, fold in enumerate(fold_indices(data, folds, seed), 1):
            began = time.monotonic()
            held_out = set(fold)
            train = [m for i, m in enumerate(messages) if i not in held_out]
            test = [examples[i] for i in fold]
            train_file = Path(tmp) / "train.yml"
            RasaYAMLWriter().dump(train_file, TrainingData(
                training_examples=train, entity_synonyms=data.entity_synonyms,
                regex_features=data.regex_features, lookup_tables=data.lookup_tables,
                responses=data.responses))
            model = train_nlu(str(config_path), str(train_file), str(Path(tmp) / f"fold-{n}"))
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                rasa_rows += parse_all(Agent.load(model), loop, test)
            finally:
                loop.close()
            baseline_rows += baseline_predictions(
                baseline.train([e for i, e in enumerate(examples) if i not in held_out]), test)
            fold_seconds.append(time.monotonic() - began)
            print(f"[eval] cross-validation fold {n}/{folds}: {fold_seconds[-1]:.0f} s", flush=True)
    return CrossValidation(folds, epochs, rasa_rows, baseline_rows, fold_seconds)
