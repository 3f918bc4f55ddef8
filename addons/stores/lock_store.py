"""The conversation lock store: in memory (one server) or Redis (replicas).

Replicas must share the lock, or two of them could handle messages of one
conversation at once and overwrite each other's events (Rasa's ticket lock,
rasa/core/lock_store.py). endpoints.yml names `ConfiguredLockStore`.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from typing import Any, Callable, Optional, Text, Tuple

import redis
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore

from addons.stores.settings import StoreSettings, store_settings

Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], Any]]


def keep_waiting(conversation_id: Text, ticket_number: int) -> Change:
    """Drops expired tickets and renews the waiting one's (putting it back in its
    place if it had expired meanwhile)."""

    def renew(lock: Optional[TicketLock]) -> Tuple[TicketLock, TicketLock]:
        lock = lock or TicketLock(conversation_id)
        lock.remove_expired_tickets()
        others = [t for t in lock.tickets if t.number != ticket_number]
        mine = Ticket(ticket_number, time.time() + LOCK_LIFETIME)
        lock.tickets = deque(sorted(others + [mine], key=lambda t: t.number))
        return lock, lock

    return renew


class WaitingTicketsStayAlive:
    """Rasa 3.6 counts a ticket's lifetime from when it was issued, also while it
    waits. A message that waited longer than the lifetime lost its ticket and then
    waited forever (a replica killed mid-turn: the next message never got an
    answer), and in a burst the tickets of messages still queued expired, so they
    ran alongside the one being served. Here a waiting ticket is renewed on every
    try: only the ticket being served (or a dead replica's) can expire, so the
    lifetime bounds one turn, not the queue."""

    async def _acquire_lock(self, conversation_id: Text, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self._change(conversation_id, keep_waiting(conversation_id, ticket))
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)

    def _change(self, conversation_id: Text, change: Change) -> Any:
        lock, result = change(self.get_lock(conversation_id))  # type: ignore[attr-defined]
        if lock is None:
            self.delete_lock(conversation_id)  # type: ignore[attr-defined]
        else:
            self.save_lock(lock)  # type: ignore[attr-defined]
        return result


class SteadyInMemoryLockStore(WaitingTicketsStayAlive, InMemoryLockStore):
    """One server: changes are atomic already (one event loop)."""


class AtomicRedisLockStore(WaitingTicketsStayAlive, RedisLockStore):
    """Rasa 3.6's RedisLockStore changes a lock by GET, change in Python, SET: two
    replicas issuing tickets at the same moment both read the same lock, and one
    ticket is lost, so both handle the conversation at once and events are lost
    (measured: 10 simultaneous messages to 2 replicas stored 7 or 8 of them).
    Here every change is one Redis transaction (WATCH/MULTI, retried on conflict)."""

    def _change(self, conversation_id: Text, change: Change) -> Any:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    lock, result = change(lock)
                    pipe.multi()
                    if lock is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, lock.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        def finish(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish)


def lock_store_from_settings(settings: StoreSettings) -> LockStore:
    if settings.lock_store == "redis":
        return AtomicRedisLockStore(
            host=settings.redis_host,
            port=settings.redis_port,
            db=settings.redis_db,
            password=settings.redis_password,
        )
    return SteadyInMemoryLockStore()


class ConfiguredLockStore(LockStore):
    """The class endpoints.yml names; returns the lock store the environment selects."""

    def __new__(cls, **_endpoint_kwargs: Any) -> LockStore:  # type: ignore[misc]
        return lock_store_from_settings(store_settings())
