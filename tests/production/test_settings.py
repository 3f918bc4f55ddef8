"""The environment decides storage and server exposure; bad settings stop with a
clear message instead of starting an unsafe server."""
from pathlib import Path

import pytest
import yaml

from addons.server.server_args import NO_CHANNELS, ServerSettingsError, server_arguments
from addons.stores.settings import ROOT, StoreSettingsError, store_settings

RUN = ["run", "--model", "m.tar.gz", "--credentials"]


def test_sqlite_by_default_in_the_project_folder():
    settings = store_settings({})
    assert (settings.tracker_store, settings.lock_store) == ("sqlite", "memory")
    assert settings.sqlite_path == ROOT / "var" / "conversations.db"


def test_the_sqlite_file_is_configurable():
    assert store_settings({"SQLITE_PATH": "/data/chat.db"}).sqlite_path == Path("/data/chat.db")


def test_postgresql_and_redis_from_libpq_and_redis_variables():
    settings = store_settings({
        "TRACKER_STORE": "postgresql", "PGHOST": "db", "PGPORT": "6543", "PGDATABASE": "clinic",
        "PGUSER": "bot", "PGPASSWORD": "s3cret", "LOCK_STORE": "redis", "REDIS_HOST": "cache",
    })
    assert (settings.pg_host, settings.pg_port, settings.pg_database) == ("db", 6543, "clinic")
    assert (settings.lock_store, settings.redis_host, settings.redis_port) == ("redis", "cache", 6379)
    assert "s3cret" not in settings.describe()


@pytest.mark.parametrize("env", [{"TRACKER_STORE": "mongo"}, {"LOCK_STORE": "etcd"}, {"PGPORT": "x"}])
def test_unknown_settings_are_refused(env):
    with pytest.raises(StoreSettingsError):
        store_settings(env)


def test_api_is_off_unless_asked_for(tmp_path):
    creds = tmp_path / "c.yml"
    creds.write_text(yaml.safe_dump({"socketio": {}}))
    assert server_arguments(RUN + [str(creds)], {}) == []


@pytest.mark.parametrize("env, argv", [({"RASA_API": "on"}, []), ({}, ["--enable-api"])])
def test_api_without_token_or_jwt_does_not_start(tmp_path, env, argv):
    with pytest.raises(ServerSettingsError, match="RASA_API_TOKEN or RASA_JWT_SECRET"):
        server_arguments(["run", "--connector", "socketio"] + argv, env)


def test_api_with_token_and_jwt():
    args = server_arguments(["run", "--connector", "socketio"], {
        "RASA_API": "on", "RASA_API_TOKEN": "t0k", "RASA_JWT_SECRET": "j", "RASA_JWT_METHOD": "HS512"})
    assert args == ["--enable-api", "--auth-token", "t0k", "--jwt-secret", "j", "--jwt-method", "HS512"]


def test_without_credentials_no_channel_is_served_rather_than_rest():
    assert server_arguments(["run"], {}) == ["--credentials", str(NO_CHANNELS)]
    assert yaml.safe_load(NO_CHANNELS.read_text()) == {}


@pytest.mark.parametrize("channels", [{"rest": None}, {"socketio": {}, "rest": None}, {"cmdline": None}])
def test_rest_channel_is_refused_on_a_public_server(tmp_path, channels):
    creds = tmp_path / "c.yml"
    creds.write_text(yaml.safe_dump(channels))
    with pytest.raises(ServerSettingsError, match="ALLOW_REST_CHANNEL"):
        server_arguments(RUN + [str(creds)], {})
    assert server_arguments(RUN + [str(creds)], {"ALLOW_REST_CHANNEL": "true"}) == []


def test_the_action_server_gets_no_extra_arguments():
    assert server_arguments(["run", "actions", "--port", "5055"], {"RASA_API": "on"}) == []
