#!/usr/bin/env bash
# Lint, format check and type check; then start the project's Neo4j, run the whole test suite,
# and stop Neo4j even when tests fail. Any finding of ruff or mypy fails the run before the tests.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/ruff check . || { echo "ruff check found problems (ruff check --fix fixes some)" >&2; exit 1; }
$BIN/ruff format --check . || { echo "ruff format would reformat files: run ruff format" >&2; exit 1; }
$BIN/mypy || { echo "mypy found type errors" >&2; exit 1; }
scripts/system-deps.sh || exit 1
$BIN/policykg neo4j start || { echo "could not start Neo4j" >&2; exit 1; }
trap '$BIN/policykg neo4j stop' EXIT
$BIN/python -m pytest "$@"
