"""`python -m addons.server run [rasa run arguments]`: `rasa run` for a public
deployment. scripts/serve.sh uses it. It adds
  - the arguments the environment asks for (server_args.py: API, token/JWT, channels),
  - the redaction of message text and slot values in logs (log_redaction.py),
  - a 400 for bad request bodies (request_guard.py).
"""
from __future__ import annotations

import os
import sys
from typing import Any

from addons.server import log_redaction, request_guard
from addons.server.server_args import ServerSettingsError, server_arguments


def _with_request_guard() -> None:
    """Rasa builds its Sanic app in rasa.core.run.configure_app and offers no hook
    for middleware from the command line; wrap that function to install ours."""
    import rasa.core.run

    configure_app = rasa.core.run.configure_app

    def configure_guarded_app(*args: Any, **kwargs: Any):
        return request_guard.install(configure_app(*args, **kwargs))

    rasa.core.run.configure_app = configure_guarded_app


def main() -> None:
    argv = sys.argv[1:]
    try:
        argv = argv + server_arguments(argv, os.environ)
    except ServerSettingsError as error:
        sys.exit(f"Not starting the Rasa server: {error}")
    log_redaction.register()
    _with_request_guard()
    sys.argv = ["rasa", *argv]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
