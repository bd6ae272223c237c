"""Counting what is in the test server: the figures idempotence and replace tests compare."""

from __future__ import annotations


def one(driver, cypher, **params):
    """The first column of the first record (None when there is none)."""
    records = driver.execute_query(cypher, params).records
    return records[0][0] if records else None


def counts(driver) -> tuple[int, int]:
    """(nodes, relationships) in the whole database."""
    return one(driver, "MATCH (n) RETURN count(n)"), one(driver, "MATCH ()-[r]->() RETURN count(r)")


def by_type(driver) -> dict[str, int]:
    """Relationship count per type."""
    return {r["t"]: r["n"] for r in driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n").records}
