"""The `rasa run` arguments a public deployment adds from the environment.

  RASA_API=on            enable Rasa's HTTP API (off unless asked for); it then needs
  RASA_API_TOKEN         a token (?token=...), and/or
  RASA_JWT_SECRET        a JWT secret (Authorization: Bearer ...),
  RASA_JWT_METHOD        its algorithm (default HS256)
  ALLOW_REST_CHANNEL=true  allow the `rest` channel (never on a public server:
                         anyone could post as any sender id and continue that
                         conversation); without it a credentials file listing
                         `rest` is refused
Without --credentials, Rasa would serve its REST channel: no channel is served instead.
The secrets go into the server's own argument list, never onto a command line
that `ps` shows.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Mapping, Sequence

import yaml

NO_CHANNELS = Path(__file__).resolve().parent / "no_channels.yml"
OPEN_CHANNELS = ("rest", "cmdline")  # anyone may post as any sender id


class ServerSettingsError(ValueError):
    pass


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = (env.get(name) or "").strip().lower()
    if value in ("", "0", "off", "false", "no"):
        return False
    if value in ("1", "on", "true", "yes"):
        return True
    raise ServerSettingsError(f"{name}={value!r}: expected on or off")


def _value_after(argv: Sequence[str], option: str) -> str:
    for i, arg in enumerate(argv):
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return ""


def api_arguments(argv: Sequence[str], env: Mapping[str, str]) -> List[str]:
    token = env.get("RASA_API_TOKEN") or ""
    jwt_secret = env.get("RASA_JWT_SECRET") or ""
    wants_api = _flag(env, "RASA_API") or "--enable-api" in argv
    if not wants_api:
        return []
    if not (token or jwt_secret or _value_after(argv, "--auth-token") or _value_after(argv, "--jwt-secret")):
        raise ServerSettingsError(
            "The HTTP API needs RASA_API_TOKEN or RASA_JWT_SECRET: it can read and change every conversation."
        )
    args = [] if "--enable-api" in argv else ["--enable-api"]
    if token:
        args += ["--auth-token", token]
    if jwt_secret:
        args += ["--jwt-secret", jwt_secret, "--jwt-method", env.get("RASA_JWT_METHOD") or "HS256"]
    return args


def channel_arguments(argv: Sequence[str], env: Mapping[str, str]) -> List[str]:
    credentials = _value_after(argv, "--credentials")
    connector = _value_after(argv, "--connector")
    if not credentials and not connector:
        return ["--credentials", str(NO_CHANNELS)]
    channels = {connector} if connector else set(yaml.safe_load(Path(credentials).read_text()) or {})
    open_channels = sorted(channels.intersection(OPEN_CHANNELS))
    if open_channels and not _flag(env, "ALLOW_REST_CHANNEL"):
        raise ServerSettingsError(
            f"Channel {', '.join(open_channels)} lets anyone continue any conversation by "
            "naming its sender id: not for a public server (set ALLOW_REST_CHANNEL=true "
            "only on a private network or for tests)."
        )
    return []


def server_arguments(argv: Sequence[str], env: Mapping[str, str]) -> List[str]:
    """Extra arguments for `rasa run` (not `rasa run actions`)."""
    if list(argv[:1]) != ["run"] or list(argv[1:2]) == ["actions"]:
        return []
    return api_arguments(argv, env) + channel_arguments(argv, env)
