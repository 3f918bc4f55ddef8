#!/usr/bin/env bash
# The whole stack, stopped together: action server + Rasa server (the channels in
# credentials.yml) + the demo clinic page with the chat widget, whose URL is printed
# once the assistant answers.
#   scripts/serve.sh            (make serve)
# Ports: RASA_PORT (default 5005), ACTION_PORT (5055), WEB_PORT (8080).
# CREDENTIALS: channels file (default credentials.yml). ENDPOINTS: endpoints file (default endpoints.yml; its action server URL must match
# ACTION_PORT). Web origins allowed to use the assistant from a browser:
# CLINIC_WEB_ORIGINS (see addons/channels/origins.py; default: this demo page).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_PORT="${RASA_PORT:-5005}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export WEB_PORT="${WEB_PORT:-8080}"
MODEL="${MODEL:-models/kyphoplasty-assistant.tar.gz}"
ENDPOINTS="${ENDPOINTS:-endpoints.yml}"
LOG_DIR="${LOG_DIR:-.rasa}"
mkdir -p "$LOG_DIR"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"

# One list of allowed origins for the socket.io channel and for CORS.
read -r -a origins <<<"$(.venv/bin/python -m addons.channels.origins)"
args=(run --model "$MODEL" --port "$RASA_PORT" --endpoints "$ENDPOINTS" --cors "${origins[@]}")
CREDENTIALS="${CREDENTIALS:-credentials.yml}"
[ -f "$CREDENTIALS" ] && args+=(--credentials "$CREDENTIALS")

.venv/bin/python -m web.server >"$LOG_DIR/web.log" 2>&1 &
WEB_SERVER=$!
# Says where to go once the Rasa server answers (loading the model takes a while).
(
  for _ in $(seq 1 600); do
    if curl -fsS "http://localhost:${RASA_PORT}/" >/dev/null 2>&1; then
      echo "Ready. The clinic page with the chat widget: http://localhost:${WEB_PORT}/"
      exit 0
    fi
    sleep 1
  done
) &
ANNOUNCER=$!
trap 'kill "$WEB_SERVER" "$ANNOUNCER" 2>/dev/null; wait "$WEB_SERVER" 2>/dev/null || true' EXIT
echo "Starting the assistant; the page's address follows when it is ready (Ctrl-C stops everything)."

ACTION_LOG="$LOG_DIR/action-server.log" scripts/with_action_server.sh \
  .venv/bin/python -m addons.server "${args[@]}"
