"""The conversation stores: SQLite by default, PostgreSQL for replicas, or memory.

endpoints.yml names `ConfiguredTrackerStore`; it builds the store that the
environment asks for (settings.py). Every store here also
  - deletes a conversation when the patient asks (action_delete_conversation), and
  - (SQL) can purge the conversations idle for longer than the retention period.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Optional, Text, Tuple

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import (
    InMemoryTrackerStore,
    SQLTrackerStore,
    TrackerStore,
    create_engine_kwargs,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from actions.delete_conversation import ACTION_NAME as DELETION_ACTION
from addons.stores.settings import StoreSettings, store_settings

logger = logging.getLogger(__name__)
SECONDS_PER_DAY = 86400


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    return any(
        isinstance(event, ActionExecuted) and event.action_name == DELETION_ACTION
        for event in tracker.events
    )


class DeletesOnRequest:
    """Instead of saving a turn in which the patient asked for deletion, delete the
    whole conversation (every session). The next message starts a new one."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        if deletion_requested(tracker):
            await self.delete(tracker.sender_id)
            logger.info("Deleted a conversation at the patient's request.")
            return
        await super().save(tracker)  # type: ignore[misc]

    async def delete(self, sender_id: Text) -> None:
        raise NotImplementedError


class PrivateInMemoryTrackerStore(DeletesOnRequest, InMemoryTrackerStore):
    async def delete(self, sender_id: Text) -> None:
        self.store.pop(sender_id, None)


class PrivateSQLTrackerStore(DeletesOnRequest, SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, **kwargs: Any) -> None:
        super().__init__(domain=domain, **kwargs)
        # Rasa's engine would put the SQL parameters (the events: message text and
        # slot values) into the text of any database error, and so into the logs.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, hide_parameters=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def delete(self, sender_id: Text) -> None:
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete(
                synchronize_session=False
            )
            session.commit()

    def purge_idle_conversations(self, retention_days: float, now: Optional[float] = None) -> Tuple[int, int]:
        """Deletes every conversation whose latest event is older than the retention
        period (whole conversations, so no tracker is left half-deleted).
        Returns (conversations, events) deleted."""
        cutoff = (now if now is not None else time.time()) - retention_days * SECONDS_PER_DAY
        event = self.SQLEvent
        with self.session_scope() as session:
            idle = (
                sa.select(event.sender_id)
                .group_by(event.sender_id)
                .having(sa.func.max(event.timestamp) < cutoff)
                .scalar_subquery()
            )
            conversations = session.query(sa.func.count(sa.distinct(event.sender_id))).filter(
                event.sender_id.in_(idle)
            ).scalar()
            events = session.query(event).filter(event.sender_id.in_(idle)).delete(
                synchronize_session=False
            )
            session.commit()
        return conversations or 0, events or 0


def tracker_store_from_settings(
    settings: StoreSettings,
    domain: Optional[Domain] = None,
    event_broker: Optional[EventBroker] = None,
) -> TrackerStore:
    if settings.tracker_store == "sqlite":
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        store: TrackerStore = PrivateSQLTrackerStore(
            domain=domain, dialect="sqlite", db=str(settings.sqlite_path), event_broker=event_broker
        )
    elif settings.tracker_store == "postgresql":
        store = PrivateSQLTrackerStore(
            domain=domain,
            dialect="postgresql",
            host=settings.pg_host,
            port=settings.pg_port,
            db=settings.pg_database,
            username=settings.pg_user,
            password=settings.pg_password,
            event_broker=event_broker,
        )
    else:
        store = PrivateInMemoryTrackerStore(domain, event_broker)
    if settings.tracker_store == "postgresql" and settings.lock_store != "redis":
        logger.warning("PostgreSQL without LOCK_STORE=redis: run one replica only.")
    logger.info("Storage: %s.", settings.describe())
    return store


class ConfiguredTrackerStore(TrackerStore):
    """The class endpoints.yml names. Rasa instantiates it with the (empty) endpoint
    settings; it returns the store the environment selects instead of itself."""

    def __new__(  # type: ignore[misc]
        cls,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        **_endpoint_kwargs: Any,
    ) -> TrackerStore:
        return tracker_store_from_settings(store_settings(), domain, event_broker)
