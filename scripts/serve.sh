#!/usr/bin/env bash
# The HTTP stack for the channels: action server + Rasa server, stopped together.
#   scripts/serve.sh            (make serve)
# Ports: RASA_PORT (default 5005), ACTION_PORT (default 5055).
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
MODEL="${MODEL:-models/kyphoplasty-assistant.tar.gz}"
LOG_DIR="${LOG_DIR:-.rasa}"
mkdir -p "$LOG_DIR"

args=(run --model "$MODEL" --port "$RASA_PORT" --endpoints endpoints.yml)
[ -f credentials.yml ] && args+=(--credentials credentials.yml)

export ACTION_PORT
ACTION_LOG="$LOG_DIR/action-server.log" scripts/with_action_server.sh \
  .venv/bin/python -m addons.server "${args[@]}"
