"""The conversation lock store: in memory (one server) or Redis (replicas).

Replicas must share the lock, or two of them could handle messages of one
conversation at once and overwrite each other's events (Rasa's ticket lock,
rasa/core/lock_store.py). endpoints.yml names `ConfiguredLockStore`.
"""
from __future__ import annotations

from typing import Any

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

from addons.stores.settings import StoreSettings, store_settings


def lock_store_from_settings(settings: StoreSettings) -> LockStore:
    if settings.lock_store == "redis":
        return RedisLockStore(
            host=settings.redis_host,
            port=settings.redis_port,
            db=settings.redis_db,
            password=settings.redis_password,
        )
    return InMemoryLockStore()


class ConfiguredLockStore(LockStore):
    """The class endpoints.yml names; returns the lock store the environment selects."""

    def __new__(cls, **_endpoint_kwargs: Any) -> LockStore:  # type: ignore[misc]
        return lock_store_from_settings(store_settings())
