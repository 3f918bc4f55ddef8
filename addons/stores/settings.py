"""The storage settings, read from the environment only (no secret is in a file).

  TRACKER_STORE   sqlite (default) | postgresql | memory
  SQLITE_PATH     the SQLite file (default var/conversations.db, relative to the project)
  PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
                  PostgreSQL, with libpq's own variable names (psql reads them too)
  LOCK_STORE      memory (default) | redis: replicas sharing PostgreSQL need redis
  REDIS_HOST REDIS_PORT REDIS_DB REDIS_PASSWORD

Rasa would read `${VAR}` placeholders in endpoints.yml, but fails on any that is
unset (rasa/shared/utils/io.py), so one file could not serve SQLite, PostgreSQL and
in-memory; endpoints.yml names our store classes instead, and they read these.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = "var/conversations.db"
TRACKER_STORES = ("sqlite", "postgresql", "memory")
LOCK_STORES = ("memory", "redis")


class StoreSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class StoreSettings:
    tracker_store: str
    sqlite_path: Path
    pg_host: str
    pg_port: int
    pg_database: str
    pg_user: Optional[str]
    pg_password: Optional[str]
    lock_store: str
    redis_host: str
    redis_port: int
    redis_db: int
    redis_password: Optional[str]

    def describe(self) -> str:
        """Where conversations go, without any secret (for logs and the purge command)."""
        if self.tracker_store == "sqlite":
            where = f"SQLite file {self.sqlite_path}"
        elif self.tracker_store == "postgresql":
            where = f"PostgreSQL database {self.pg_database} on {self.pg_host}:{self.pg_port}"
        else:
            where = "memory (lost when the server stops)"
        return f"conversations in {where}; locks in {self.lock_store}"


def _choice(env: Mapping[str, str], name: str, allowed: tuple) -> str:
    value = (env.get(name) or allowed[0]).strip().lower()
    if value not in allowed:
        raise StoreSettingsError(f"{name}={value!r}: expected one of {', '.join(allowed)}")
    return value


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int(env.get(name) or default)
    except ValueError:
        raise StoreSettingsError(f"{name} must be a number") from None


def store_settings(env: Optional[Mapping[str, str]] = None) -> StoreSettings:
    env = os.environ if env is None else env
    sqlite_path = Path(env.get("SQLITE_PATH") or DEFAULT_SQLITE_PATH)
    return StoreSettings(
        tracker_store=_choice(env, "TRACKER_STORE", TRACKER_STORES),
        sqlite_path=sqlite_path if sqlite_path.is_absolute() else ROOT / sqlite_path,
        pg_host=env.get("PGHOST") or "localhost",
        pg_port=_int(env, "PGPORT", 5432),
        pg_database=env.get("PGDATABASE") or "rasa",
        pg_user=env.get("PGUSER") or None,
        pg_password=env.get("PGPASSWORD") or None,
        lock_store=_choice(env, "LOCK_STORE", LOCK_STORES),
        redis_host=env.get("REDIS_HOST") or "localhost",
        redis_port=_int(env, "REDIS_PORT", 6379),
        redis_db=_int(env, "REDIS_DB", 1),
        redis_password=env.get("REDIS_PASSWORD") or None,
    )
