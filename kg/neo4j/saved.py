"""Saved Cypher queries: ``kg/neo4j/queries/*.cypher`` with a header declaring description and parameters.

The header format is documented in ``kg/neo4j/queries/README.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from extract.errors import PolicyKGError

TYPES = ("string", "int", "float", "bool")
_PARAM = re.compile(
    r"^//\s*@param\s+(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>[^:]*?))?\s*:\s*(?P<help>.*)$"
)


class SavedQueryError(PolicyKGError):
    """A saved query that does not exist or cannot be read, or parameters that do not fit it."""


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter a saved query declares in its header."""

    name: str
    type: str
    required: bool
    default: object
    help: str


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved query: its name, description, declared parameters and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str


INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # Neo4j's integers are 64-bit


def check_int(value: int, what: str) -> int:
    """The integer when Neo4j can hold it (64-bit); a one-line error otherwise."""
    if not INT_MIN <= value <= INT_MAX:
        raise SavedQueryError(f"{what} is too large for Neo4j: give an integer from {INT_MIN} to {INT_MAX}")
    return value


def convert(value: str, type_: str, what: str) -> object:
    """A --param string as the declared type; 'null' means no value."""
    if value == "null":
        return None
    try:
        if type_ == "int":
            return check_int(int(value), what)
        if type_ == "float":
            return float(value)
        if type_ == "bool":
            if value.lower() in ("true", "false"):
                return value.lower() == "true"
            raise ValueError(value)
    except ValueError:
        raise SavedQueryError(f"{what} must be {'an' if type_ == 'int' else 'a'} {type_}, got {value!r}") from None
    return value


def parse(name: str, text: str) -> SavedQuery:
    """A saved query from its file's text: the // header, then the Cypher."""
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line)
    if not header:
        raise SavedQueryError(f"saved query {name}: the first line must be a // description")
    description = header[0].lstrip("/").strip()
    params = []
    for line in header[1:]:
        m = _PARAM.match(line)
        if not m:
            if "@param" in line:
                raise SavedQueryError(f"saved query {name}: cannot read {line.strip()!r}")
            continue
        type_ = m["type"]
        if type_ not in TYPES:
            raise SavedQueryError(f"saved query {name}: parameter {m['name']} has unknown type {type_!r}")
        required = m["default"] is None
        default = None if required else convert(m["default"].strip(), type_, f"default of {m['name']}")
        params.append(Param(m["name"], type_, required, default, m["help"].strip()))
    return SavedQuery(name, description, tuple(params), text)


@cache
def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query by name (the .cypher files in kg/neo4j/queries/)."""
    folder = resources.files("kg.neo4j.queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            out[name] = parse(name, entry.read_text(encoding="utf-8"))
    return out


def get(name: str) -> SavedQuery:
    """The saved query ``name``, or an error listing the names there are."""
    queries = saved_queries()
    if name not in queries:
        raise SavedQueryError(f"no saved query {name!r}; `policykg query --list` shows them: " + ", ".join(queries))
    return queries[name]


def bind(query: SavedQuery, given: dict[str, str]) -> dict[str, object]:
    """The query's parameters from --param strings: typed, defaults filled, unknown ones refused."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        takes = ", ".join(declared) or "no parameters"
        raise SavedQueryError(f"saved query {query.name} has no parameter {unknown[0]!r} (it takes: {takes})")
    out: dict[str, object] = {}
    for p in query.params:
        if p.name in given and p.required and p.type == "string" and not given[p.name].strip():
            raise SavedQueryError(f"saved query {query.name} needs a value in --param {p.name}=… ({p.help})")
        if p.name in given:
            out[p.name] = convert(given[p.name], p.type, f"--param {p.name}")
        elif p.required:
            raise SavedQueryError(f"saved query {query.name} needs --param {p.name}=… ({p.help})")
        else:
            out[p.name] = p.default
    return out


def _no_constants(name: str) -> object:
    raise ValueError(name)


def _checked(value: object, what: str) -> object:
    """The value with every integer in it checked to fit Neo4j's 64 bits."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return check_int(value, what)
    if isinstance(value, list):
        return [_checked(v, what) for v in value]
    if isinstance(value, dict):
        return {k: _checked(v, what) for k, v in value.items()}
    return value


def adhoc_value(value: str, what: str = "--param") -> object:
    """An ad-hoc --param value: a JSON number, true/false/null, "string", list or object; else the text."""
    try:
        parsed = json.loads(value, parse_constant=_no_constants)
    except ValueError:
        return value
    return _checked(parsed, what)


def split_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """--param key=value strings as a dict (the value may be empty, the key may not)."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SavedQueryError(f"--param {pair!r} is not key=value")
        out[key.strip()] = value
    return out


@dataclass(frozen=True)
class QueryCall:
    """Cypher and its parameters, ready to run."""

    cypher: str
    params: dict[str, object]


def saved_call(name: str, pairs: tuple[str, ...]) -> QueryCall:
    """The saved query ``name`` with its --param values typed as its header declares."""
    given = split_params(pairs)
    query = get(name)
    return QueryCall(query.cypher, bind(query, given))


def adhoc_call(cypher: str, pairs: tuple[str, ...]) -> QueryCall:
    """Ad-hoc Cypher with its --param values typed where they are JSON."""
    return QueryCall(cypher, {k: adhoc_value(v, f"--param {k}") for k, v in split_params(pairs).items()})
