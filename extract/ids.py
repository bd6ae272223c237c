"""Stable ids: derived from content, identical across runs and machines."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from .textnorm import normalise_name


def digest(*parts: object, size: int = 12) -> str:
    """A short stable hash of the parts."""
    h = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=16)
    return h.hexdigest()[:size]


@lru_cache(maxsize=65536)
def entity_key(name: str, registry_id: str | None = None) -> str:
    """What decides that two mentions are the same entity (within and across documents)."""
    return registry_id if registry_id else "n-" + digest(normalise_name(name))


def entity_id(type_: str, key: str) -> str:
    """``<Type>/<registry id>`` for registry entities, ``<Type>/n-<hash of name>`` otherwise."""
    return f"{type_}/{key}"


def indicator_id(doc_id: str, start: int, metric: str, value: float, unit: str, subject: str | None) -> str:
    """An indicator's id: the document's id and a hash of where and what the figure is."""
    return f"Indicator/{doc_id}/{digest(start, metric, value, unit, subject or '')}"
