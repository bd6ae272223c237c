"""Shared fixtures. Neo4j tests talk to the project's own server (make test starts it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "huangpu-14th-fyp-proposal.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_extraction():
    from extract.pipeline import extract_file

    return extract_file(SAMPLE)


@pytest.fixture(scope="session")
def neo4j_settings():
    """The project's own server: tests wipe its database, so never a user's server."""
    from kg.neo4j.server import local_settings, paths

    p = paths()
    if not p.password.exists():
        pytest.fail(
            "the project's Neo4j has never been started: run `make test` (or `policykg neo4j start` before pytest)"
        )
    return local_settings(p)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    from kg.neo4j.client import open_driver

    with open_driver(neo4j_settings) as driver:
        yield driver


@pytest.fixture()
def clean_db(neo4j_driver):
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")
    yield neo4j_driver
