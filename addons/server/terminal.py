"""`make chat`: the assistant in the terminal, showing only the conversation.

    python -m addons.server.terminal --model models/kyphoplasty-assistant.tar.gz [--endpoints endpoints.yml]

Upstream behaviour (Rasa 3.6.21): `rasa shell` prints every dependency's deprecation
warnings before its prompt, and prints a custom payload, here the widget's triage
banner, as "Custom json: {...}" (rasa.core.channels.console.print_bot_output). This
loop loads the same model in-process and talks to the same action server. Rasa's
logs stay at ERROR, so real errors still show. Buttons become the numbered list the
SMS channel shows (addons/channels/choices.py): a number or an option's words pick
it, anything else is read as text. The banner is dropped, as on every text channel,
because the reply's text already carries its advice (addons/channels/text_only.py).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import uuid
import warnings
from typing import Any, Dict, List, Optional

from addons.channels.choices import merge_buttons, numbered_list, resolve_reply, wording

STOP = "/stop"


def render(replies: List[Dict[str, Any]]) -> str:
    """One turn of the assistant's messages as the terminal shows them."""
    texts = [r["text"] for r in replies if r.get("text")]
    buttons = merge_buttons(r.get("buttons") for r in replies)
    if buttons:
        texts.append(numbered_list(buttons))
    return "\n".join(texts)


def _quiet() -> None:
    """Dependencies' import-time deprecations and Rasa's info logs are not the
    conversation; errors are."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.ERROR)
    configure_structlog(logging.ERROR)
    # after Rasa's own set-up, which installs warning filters of its own
    warnings.simplefilter("ignore")


def _load_agent(model: str, endpoints: Optional[str]):
    from rasa.core.agent import Agent
    from rasa.core.utils import AvailableEndpoints

    available = AvailableEndpoints.read_endpoints(endpoints)
    return Agent.load(model, action_endpoint=available.action)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)
    _quiet()
    text = wording()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    agent = _load_agent(args.model, args.endpoints)
    sender = f"terminal-{uuid.uuid4().hex[:12]}"
    print(text["terminal_intro"].format(stop=STOP), flush=True)
    while True:
        try:
            message = input(text["terminal_prompt"])
        except (EOFError, KeyboardInterrupt):
            break
        if message.strip() == STOP:
            break
        if not message.strip():
            continue
        message = loop.run_until_complete(resolve_reply(agent, sender, message))
        replies = loop.run_until_complete(agent.handle_text(message, sender_id=sender)) or []
        print(render(replies), flush=True)
    loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
