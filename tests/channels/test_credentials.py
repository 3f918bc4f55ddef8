"""credentials.yml: secrets only from the environment; a channel without them is off.

These load the real credentials.yml through Rasa's own loader
(rasa.core.run.create_http_input_channels), as `rasa run --credentials` does.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from rasa.core.run import create_http_input_channels
from rasa.shared.utils.io import read_config_file
from sanic import Sanic

from addons.channels.settings import DisabledChannel, env_name
from addons.channels.socketio import ClinicSocketIOInput
from harness.processes import ROOT
from tests.support.stack import SECRETS, wait_for_log

CREDENTIALS = ROOT / "credentials.yml"
MESSAGING = {"telegram", "twilio", "twilio_whatsapp", "facebook", "slack"}


def channel_class(path: str):
    module, _, name = path.rpartition(".")
    return getattr(__import__(module, fromlist=[name]), name)


def test_every_secret_is_read_from_the_environment():
    entries = yaml.safe_load(CREDENTIALS.read_text())
    classes = {path: channel_class(path) for path in entries if "." in path}
    messaging = {path: cls for path, cls in classes.items() if getattr(cls, "SECRETS", ())}
    assert {cls.name() for cls in messaging.values()} == MESSAGING
    for path, cls in messaging.items():
        for key in cls.SECRETS:
            assert env_name(entries[path][key]), f"{path}: {key} must be $NAME, not a value"


def test_without_variables_the_messaging_channels_are_off_and_the_widget_on(monkeypatch, caplog):
    for name in list(SECRETS) + ["TELEGRAM_WEBHOOK_URL", "TWILIO_SMS_WEBHOOK_URL", "TWILIO_WHATSAPP_WEBHOOK_URL"]:
        monkeypatch.delenv(name, raising=False)
    with caplog.at_level(logging.INFO, logger="addons.channels.settings"):
        channels = create_http_input_channels(None, str(CREDENTIALS))
    disabled = {c.channel for c in channels if isinstance(c, DisabledChannel)}
    assert disabled == MESSAGING
    assert {c.name() for c in channels if not isinstance(c, DisabledChannel)} == {"socketio"}
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == len(MESSAGING), "one line per channel"
    assert "Channel telegram is not enabled: set TELEGRAM_ACCESS_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_WEBHOOK_URL to enable it." in lines

    # A disabled channel serves nothing: no webhook a stranger could post to.
    app = Sanic("credentials_test")
    for channel in channels:
        if isinstance(channel, DisabledChannel):
            app.blueprint(channel.blueprint(lambda message: None), url_prefix=f"/webhooks/{channel.url_prefix()}")
    assert not app.router.routes


def test_a_channel_missing_one_variable_names_it(monkeypatch, caplog, tmp_path: Path):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    slack = {"addons.channels.slack.SecureSlackInput": read_config_file(CREDENTIALS)["addons.channels.slack.SecureSlackInput"]}
    path = tmp_path / "credentials.yml"
    path.write_text(yaml.safe_dump(slack))
    with caplog.at_level(logging.INFO, logger="addons.channels.settings"):
        [channel] = create_http_input_channels(None, str(path))
    assert isinstance(channel, DisabledChannel)
    assert caplog.records[-1].getMessage() == "Channel slack is not enabled: set SLACK_SIGNING_SECRET to enable it."


def test_a_secret_written_in_the_file_is_refused(caplog, tmp_path: Path):
    path = tmp_path / "credentials.yml"
    path.write_text(yaml.safe_dump({"addons.channels.slack.SecureSlackInput": {"slack_token": "xoxb-123", "slack_signing_secret": "$SLACK_SIGNING_SECRET"}}))
    with caplog.at_level(logging.ERROR, logger="addons.channels.settings"):
        [channel] = create_http_input_channels(None, str(path))
    assert isinstance(channel, DisabledChannel)
    assert "slack_token must be read from the environment" in caplog.records[-1].getMessage()


@pytest.mark.parametrize(
    "configured, expected",
    [
        (None, ["http://localhost:8080", "http://127.0.0.1:8080"]),
        ("https://www.clinic.example, https://clinic.example/", ["https://www.clinic.example", "https://clinic.example"]),
    ],
)
def test_widget_origins_come_from_the_environment(monkeypatch, configured, expected):
    monkeypatch.delenv("WEB_PORT", raising=False)
    if configured is None:
        monkeypatch.delenv("CLINIC_WEB_ORIGINS", raising=False)
    else:
        monkeypatch.setenv("CLINIC_WEB_ORIGINS", configured)
    channel = ClinicSocketIOInput.from_credentials(read_config_file(CREDENTIALS)["addons.channels.socketio.ClinicSocketIOInput"])
    assert channel.allowed_origins == expected
    assert channel.session_persistence is True
    assert channel.metadata_key == "customData"


def test_the_running_server_enabled_every_channel_and_printed_the_page_address(stack):
    log = wait_for_log(stack.log, f"Ready. The clinic page with the chat widget: http://localhost:{stack.web_port}/")
    assert "is not enabled" not in log
