"""Rasa's own logging at WARNING, so a long run prints its progress, not every
debug line of every conversation."""
import logging


def quiet_rasa() -> None:
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
