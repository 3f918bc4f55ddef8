#!/usr/bin/env python
"""Deletes the conversations idle for longer than the retention period.

  make purge                       (retention_days from clinic.yml / CLINIC_CONFIG)
  python scripts/purge_conversations.py [--days N]

Same storage settings as the Rasa server (TRACKER_STORE, SQLITE_PATH, PG*: see
addons/stores/settings.py). Run it daily, e.g. from cron. A conversation is deleted
whole, every session of it, once its latest message is older than the period.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from actions.clinic import load_clinic  # noqa: E402
from addons.stores.settings import StoreSettingsError, store_settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, help="override clinic.yml retention_days")
    args = parser.parse_args()
    days = args.days if args.days is not None else load_clinic().retention_days
    try:
        settings = store_settings()
    except StoreSettingsError as error:
        print(f"purge: {error}", file=sys.stderr)
        return 2
    if settings.tracker_store == "memory":
        print("purge: conversations are kept in memory only; nothing to delete.")
        return 0
    if settings.tracker_store == "sqlite" and not settings.sqlite_path.exists():
        print(f"purge: no conversations yet ({settings.sqlite_path} does not exist).")
        return 0
    from addons.stores.tracker_store import tracker_store_from_settings

    with warnings.catch_warnings():  # Rasa's and SQLAlchemy's own deprecations
        warnings.simplefilter("ignore", DeprecationWarning)
        store = tracker_store_from_settings(settings)
    conversations, events = store.purge_idle_conversations(days)
    print(
        f"purge: deleted {conversations} conversation(s), {events} event(s), idle for more "
        f"than {days:g} days ({settings.describe()})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
