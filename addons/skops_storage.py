"""Store and load a trained scikit-learn model inside the Rasa model, with skops.

skops (as Rasa 3.6's own LogisticRegressionClassifier uses) instead of pickle: a
model file is loaded by the server, and a pickle can run any code when it is loaded.
Only the types listed as trusted may be in the file; anything else is refused.
"""
from __future__ import annotations

import logging
from typing import Any, FrozenSet, Optional

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)


def save(model_storage: ModelStorage, resource: Resource, filename: str, obj: Any) -> None:
    import skops.io as sio

    with model_storage.write_to(resource) as directory:
        sio.dump(obj, directory / filename)


def load(model_storage: ModelStorage, resource: Resource, filename: str,
         trusted: FrozenSet[str], owner: str) -> Optional[Any]:
    """The stored object, or None (logged as an error) when it is missing or holds a
    type that is not trusted."""
    import skops.io as sio

    try:
        with model_storage.read_from(resource) as directory:
            path = directory / filename
            found = set(sio.get_untrusted_types(file=path))
            unexpected = found - set(trusted)
            if unexpected:
                raise ValueError(f"untrusted types in {path.name}: {sorted(unexpected)}")
            return sio.load(path, trusted=sorted(found))
    except (ValueError, FileNotFoundError) as error:
        logger.error(f"{owner} could not load its trained model ({error}).")
        return None
