"""The web origins (clinic websites) allowed to talk to the assistant from a browser.

CLINIC_WEB_ORIGINS lists them, separated by spaces or commas, e.g.
"https://www.riverside-spine.example https://riverside-spine.example". Unset, only
the demo page on this machine is allowed (http://localhost:WEB_PORT and
http://127.0.0.1:WEB_PORT, WEB_PORT defaulting to 8080).

The same list restricts the socket.io channel (addons/channels/socketio.py) and the
HTTP server's CORS (`rasa run --cors`, passed by scripts/serve.sh, which runs
`python -m addons.channels.origins` to print them).
"""
from __future__ import annotations

import os
import re
from typing import List


def allowed_web_origins() -> List[str]:
    configured = os.environ.get("CLINIC_WEB_ORIGINS", "")
    origins = [o.rstrip("/") for o in re.split(r"[\s,]+", configured) if o]
    if origins:
        return origins
    port = os.environ.get("WEB_PORT", "8080")
    return [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]


if __name__ == "__main__":
    print(" ".join(allowed_web_origins()))
