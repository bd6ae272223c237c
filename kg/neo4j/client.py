"""Open a driver and turn connection failures into one clear line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from extract.errors import PolicyKGError
from kg.neo4j.settings import Neo4jSettings, load_settings


@cache
def quiet_driver_log() -> None:
    """Keep the driver's connection warnings off the console: we report failures as one line instead."""
    driver_log = logging.getLogger("neo4j")
    driver_log.addHandler(logging.NullHandler())
    driver_log.propagate = False


quiet_driver_log()


class Neo4jUnavailable(PolicyKGError):
    """The server cannot be reached or refuses the credentials."""


def describe_failure(settings: Neo4jSettings, exc: Exception) -> str:
    """One line saying why a connection failed and what to do about it."""
    if isinstance(exc, AuthError):
        return (
            f"Neo4j at {settings.uri} refused the credentials of user {settings.user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD (or the password file)"
        )
    if isinstance(exc, ServiceUnavailable):
        return (
            f"Neo4j at {settings.uri} is not reachable: start it with `policykg neo4j start` "
            "or point NEO4J_URI at a running server"
        )
    if isinstance(exc, ConfigurationError):
        return f"Neo4j connection settings are invalid ({exc}); check NEO4J_URI"
    code = getattr(exc, "code", None) or type(exc).__name__
    return f"Neo4j at {settings.uri} failed: {code}: {getattr(exc, 'message', None) or exc}"


@contextmanager
def open_driver(settings: Neo4jSettings | None = None) -> Iterator[Driver]:
    """A verified driver; raises Neo4jUnavailable with a one-line reason."""
    settings = settings or load_settings()
    try:
        driver: Driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    except (ConfigurationError, ValueError) as exc:
        raise Neo4jUnavailable(describe_failure(settings, ConfigurationError(str(exc)))) from None
    try:
        try:
            driver.verify_connectivity()
        except (AuthError, ServiceUnavailable, Neo4jError, OSError) as exc:
            raise Neo4jUnavailable(describe_failure(settings, exc)) from None
        yield driver
    finally:
        driver.close()
