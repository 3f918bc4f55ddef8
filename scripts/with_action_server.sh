#!/usr/bin/env bash
# Run a command with the action server up, and stop the server afterwards.
#   scripts/with_action_server.sh <command> [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${ACTION_PORT:-5055}"
LOG="${ACTION_LOG:-.rasa/action-server.log}"
mkdir -p "$(dirname "$LOG")"

if curl -fsS "http://localhost:${PORT}/health" >/dev/null 2>&1; then
  echo "An action server already answers on port ${PORT}; using it." >&2
  exec "$@"
fi

.venv/bin/rasa run actions --port "$PORT" --actions actions >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:${PORT}/health" >/dev/null 2>&1 && break
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "The action server failed to start; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1
  fi
  sleep 0.5
done
"$@"
