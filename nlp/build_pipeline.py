"""Build the project's spaCy pipeline from the sources in nlp/ and save it.

    python -m nlp.build_pipeline --output models/spacy/kyphoplasty_en

No model is downloaded: a blank English tokenizer, a sentencizer, the lookup
lemmatizer (tables from spacy-lookups-data, saved into the pipeline), an EntityRuler
with our patterns (nlp/patterns/*.jsonl), medspaCy ConText with our rules, and our
assertion component.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
import srsly

from nlp.components import read_rules

HERE = Path(__file__).resolve().parent
VERSION = "1.0.0"


def build() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.meta.update(name="kyphoplasty_en", version=VERSION,
                    description="Symptoms and their assertion status in patient chat messages")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.add_pipe("kyphoplasty_context")
    nlp.add_pipe("kyphoplasty_assertion")
    # Loads the lemmatizer's lookup tables. It also empties the EntityRuler, so the
    # patterns are added afterwards.
    nlp.initialize()
    for path in sorted((HERE / "patterns").glob("*.jsonl")):
        ruler.add_patterns(list(srsly.read_jsonl(path)))
    nlp.get_pipe("kyphoplasty_context").set_rules(read_rules(HERE / "context_rules.json"))
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True, type=Path)
    output = parser.parse_args().output
    started = time.monotonic()
    nlp = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    print(f"Built spaCy pipeline {nlp.pipe_names} in {time.monotonic() - started:.1f}s -> {output}")


if __name__ == "__main__":
    main()
