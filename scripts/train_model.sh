#!/usr/bin/env bash
# Train the assistant, or restore the model trained earlier from exactly the same
# inputs. A model is a pure function of its inputs (fixed random seeds), so reusing
# one whose data, config, pipeline and dependencies did not change is safe; anything
# else retrains. Test results are never cached.
#   scripts/train_model.sh <output.tar.gz>
# MODEL_CACHE (default ~/.cache/kyphoplasty-assistant/models; empty disables it).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"
CACHE="${MODEL_CACHE-${XDG_CACHE_HOME:-$HOME/.cache}/kyphoplasty-assistant/models}"
KEEP=3  # cached models kept; older ones are deleted

# Everything that shapes the trained weights: data, domain, config, the spaCy
# pipeline's sources, the sentence encoder's pinned download, our Rasa components,
# the triage core they import (addons/sign_detector.py reads actions/triage/detection.py
# while training), and every dependency's version.
# (Only addons/*.py take part in training; addons/channels etc. serve requests.)
key=$( { { find config.yml domain.yml requirements.lock data nlp actions/triage scripts/fetch_sentence_encoder.sh -type f; find addons -maxdepth 1 -type f; } | grep -v __pycache__ | grep -E '\.(ya?ml|py|json|jsonl|lock|sh)$' | LC_ALL=C sort | xargs sha256sum; } | sha256sum | cut -c1-16)
cached="$CACHE/$key.tar.gz"

if [ -n "$CACHE" ] && [ -f "$cached" ]; then
  cp "$cached" "$OUT"
  echo "Model restored from cache ($cached): its inputs have not changed since it was trained."
  exit 0
fi

started=$(date +%s)
.venv/bin/rasa train --fixed-model-name "$(basename "$OUT" .tar.gz)" --out "$(dirname "$OUT")" --quiet
echo "Trained in $(( $(date +%s) - started )) s."
if [ -n "$CACHE" ]; then
  mkdir -p "$CACHE"
  cp "$OUT" "$cached.tmp" && mv "$cached.tmp" "$cached"
  ls -1t "$CACHE"/*.tar.gz | tail -n +$((KEEP + 1)) | xargs -r rm -f
fi
