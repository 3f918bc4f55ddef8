"""`python -m addons.server run [rasa run arguments]`: `rasa run` for a public
deployment (see server_args.py and log_redaction.py). scripts/serve.sh uses it."""
from __future__ import annotations

import os
import sys

from addons.server import log_redaction
from addons.server.server_args import ServerSettingsError, server_arguments


def main() -> None:
    argv = sys.argv[1:]
    try:
        argv = argv + server_arguments(argv, os.environ)
    except ServerSettingsError as error:
        sys.exit(f"Not starting the Rasa server: {error}")
    log_redaction.register()
    sys.argv = ["rasa", *argv]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
