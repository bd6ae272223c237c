#!/usr/bin/env bash
# Start the project's Neo4j, run the whole test suite, stop Neo4j even when tests fail.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
scripts/system-deps.sh || exit 1
$BIN/policykg neo4j start || { echo "could not start Neo4j" >&2; exit 1; }
trap '$BIN/policykg neo4j stop' EXIT
$BIN/python -m pytest "$@"
