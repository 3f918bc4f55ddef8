"""A channel's settings: credentials.yml for the shape, the environment for secrets.

In credentials.yml a value written `$NAME` is read from the environment variable
NAME when the server starts. Rasa's own `${NAME}` substitution raises when NAME is
unset (rasa.shared.utils.io.replace_environment_variables), which would stop the
whole server, the website widget included, because one messaging channel is not
configured. `$NAME` without braces is left alone by Rasa's YAML loader and resolved
here instead: a channel whose required variables are unset is not enabled, with one
log line, and the server starts without it.

A secret must be an environment reference: a literal secret in credentials.yml
would end up in git, so such a channel is refused (also with one log line).
"""
from __future__ import annotations

import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, Iterable, Optional, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

logger = logging.getLogger(__name__)

ENV_REFERENCE = re.compile(r"^\$([A-Za-z_][A-Za-z0-9_]*)$")


def env_name(value: Any) -> Optional[str]:
    """NAME when `value` is `$NAME`, else None."""
    match = ENV_REFERENCE.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def resolve(
    channel: str,
    credentials: Optional[Dict[Text, Any]],
    required: Iterable[str],
    secrets: Iterable[str],
) -> Optional[Dict[Text, Any]]:
    """The channel's settings with `$NAME` values read from the environment.

    None (and one log line saying what to set) when a required setting is missing
    or a secret is written literally; optional `$NAME` settings that are unset are
    left out, so the connector's default applies.
    """
    credentials = credentials or {}
    literal_secrets = [key for key in secrets if key in credentials and not env_name(credentials[key])]
    if literal_secrets:
        logger.error(
            "Channel %s is not enabled: %s must be read from the environment ($NAME in "
            "credentials.yml), never written in the file.", channel, ", ".join(literal_secrets),
        )
        return None
    values: Dict[Text, Any] = {}
    for key, raw in credentials.items():
        name = env_name(raw)
        value = os.environ.get(name, "").strip() if name else raw
        if value not in ("", None):
            values[key] = value
    missing = [key for key in required if key not in values]
    if missing:
        wanted = [env_name(credentials.get(key)) or f"'{key}' in credentials.yml" for key in missing]
        logger.info("Channel %s is not enabled: set %s to enable it.", channel, ", ".join(wanted))
        return None
    return values


def as_flag(value: Any) -> bool:
    """A yes/no setting, written in YAML (true) or read from the environment ("true", "1")."""
    return value is True or str(value).strip().lower() in ("1", "true", "yes", "on")


class DisabledChannel(InputChannel):
    """Stands in for a channel that is not configured: no routes, nothing sent."""

    def __init__(self, channel: str) -> None:
        self.channel = channel

    def url_prefix(self) -> Text:
        return f"{self.channel}_disabled"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return Blueprint(f"{self.channel}_disabled")

    def get_output_channel(self) -> None:
        return None


class EnvironmentConfigured:
    """Mixin for an InputChannel built from resolved settings (from_settings), or
    disabled when they are incomplete."""

    CHANNEL = ""  # the channel's name: its webhook is /webhooks/<CHANNEL>/webhook
    REQUIRED: Tuple[str, ...] = ()
    SECRETS: Tuple[str, ...] = ()

    @classmethod
    def name(cls) -> Text:
        return cls.CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        values = resolve(cls.CHANNEL, credentials, cls.REQUIRED, cls.SECRETS)
        if values is None:
            return DisabledChannel(cls.CHANNEL)
        return cls.from_settings(values)

    @classmethod
    def from_settings(cls, values: Dict[Text, Any]) -> InputChannel:
        raise NotImplementedError
