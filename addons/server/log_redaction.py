"""Keeps message text and slot values out of the Rasa server's logs.

Rasa 3.6's structured logs carry message text, slot values, events and parse data
under known keys (`text`, `slot_values`, `rasa_events`, ... in
rasa/utils/log_utils.py, `_anonymizer`); at the default level, e.g., the REST channel
logs the text of a message whose handling failed. Rasa asks a plugin hook,
`get_anonymization_pipeline`, to rewrite those keys; Rasa Open Source has no
implementation, so they are logged verbatim. This plugin answers the hook with a
pipeline that replaces each such value with a placeholder, at every level.
The events themselves are left alone (`run` does nothing): this is about logs only.
"""
from __future__ import annotations

from typing import Any

import pluggy

REDACTED = "[redacted]"
hookimpl = pluggy.HookimplMarker("rasa")


class RedactingPipeline:
    def log_run(self, value: Any) -> str:
        return REDACTED

    def run(self, event: Any) -> None:
        return None


class LogRedactionPlugin:
    @hookimpl
    def get_anonymization_pipeline(self) -> RedactingPipeline:
        return RedactingPipeline()


def register() -> None:
    from rasa.plugin import plugin_manager

    manager = plugin_manager()
    if not any(isinstance(p, LogRedactionPlugin) for p in manager.get_plugins()):
        manager.register(LogRedactionPlugin())
